from django.core.exceptions import PermissionDenied
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework import serializers as drf_serializers
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from .. import selectors, services
from ..filtersets import FeedbackFilterSet
from ..identity import client_ip, new_voter_cookie_id, set_voter_cookie, voter_cookie_id
from .serializers import RequestCreateSerializer, RequestDetailSerializer, RequestSerializer, VoteResultSerializer


class RateLimited(exceptions.Throttled):
    """429 with a Ukrainian message (DRF's own adds an English "Expected available in ...")."""

    def __init__(self, wait: int):
        minutes = max(1, -(-wait // 60))
        exceptions.APIException.__init__(
            self, detail=f"{services.FeedbackRateLimited.message} Наступне звернення можна надіслати за {minutes} хв."
        )
        self.wait = wait


class RequestViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Published feedback (dataset requests, suggestions, error reports, questions).

    Anyone may read, submit new feedback (same checks and hourly limit per address as the web form;
    the item is not public until a coordinator publishes it) and vote (one vote per voter).
    Filters: `status`, `kind`; order: `ordering=votes|-votes|created|-created` (default: most voted).
    """

    permission_classes = [AllowAny]
    filter_backends = [DjangoFilterBackend]
    filterset_class = FeedbackFilterSet

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.feedback_public_detail_queryset()
        return selectors.feedback_public_list()

    def get_serializer_class(self):
        if self.action == "create":
            return RequestCreateSerializer
        if self.action == "retrieve":
            return RequestDetailSerializer
        return RequestSerializer

    @extend_schema(
        request=RequestCreateSerializer,
        responses={
            201: inline_serializer(
                "RequestReceived",
                fields={
                    "id": drf_serializers.IntegerField(),
                    "status": drf_serializers.CharField(),
                    "detail": drf_serializers.CharField(),
                },
            )
        },
    )
    def create(self, request, *args, **kwargs):
        ip = client_ip(request)
        try:
            services.feedback_rate_check(ip=ip)
        except services.FeedbackRateLimited as exc:
            raise RateLimited(exc.retry_after) from exc
        serializer = RequestCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            item = services.feedback_submit(
                kind=data["kind"],
                title=data["title"],
                text=data["text"],
                dataset=data.get("dataset"),
                name=data["name"],
                email=data["email"],
                consent=data["consent"],
                ip=ip,
            )
        except services.FeedbackRateLimited as exc:
            raise RateLimited(exc.retry_after) from exc
        return Response(
            {
                "id": item.pk,
                "status": item.status,
                "detail": "Звернення отримано. Воно з’явиться в переліку після перевірки координатором.",
            },
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=None, responses={200: VoteResultSerializer, 201: VoteResultSerializer})
    @action(detail=True, methods=["post"])
    def vote(self, request, pk=None):
        item = self.get_object()
        cookie_id = voter_cookie_id(request)
        fresh_cookie = cookie_id is None and bool(request.COOKIES)
        if fresh_cookie:
            # A browser (it sends cookies): give it a voter cookie, as the web page does.
            cookie_id = new_voter_cookie_id()
        try:
            result = services.feedback_vote(item=item, cookie_id=cookie_id, ip=client_ip(request))
        except PermissionDenied as exc:
            raise exceptions.NotFound from exc
        body = {
            "counted": result.counted,
            "votes": result.votes,
            "detail": "Голос враховано." if result.counted else result.reason,
        }
        response = Response(body, status=status.HTTP_201_CREATED if result.counted else status.HTTP_200_OK)
        if fresh_cookie:
            set_voter_cookie(response, cookie_id)
        return response
