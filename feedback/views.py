from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import roles
from common.paging import VersionCachedPaginator
from common.text import shorten_at_word
from registry.models import Dataset

from . import selectors, services
from .choices import FeedbackStatus
from .filtersets import FeedbackFilterSet
from .forms import FeedbackForm, ModerationForm
from .identity import client_ip, new_voter_cookie_id, set_voter_cookie, voter_cookie_id
from .links import dataset_url
from .models import FeedbackItem

PAGE_SIZE = 25
SORTS = {"votes": "-votes", "new": "-created"}
FEED_SIZE = 30
FEED_TITLE_LIMIT = 150


def feedback_new(request):
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_bot:
            # Pretend success so that bots learn nothing; nothing is stored.
            return redirect("feedback:thanks")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.feedback_submit(
                    kind=data["kind"],
                    title=data["title"],
                    text=data["text"],
                    dataset=data["dataset"],
                    name=data["name"],
                    email=data["email"],
                    consent=data["consent"],
                    ip=client_ip(request),
                )
            except services.FeedbackRateLimited as exc:
                form.add_error(None, exc.message)
                response = render(request, "feedback/new.html", {"form": form}, status=429)
                response["Retry-After"] = str(exc.retry_after)
                return response
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("feedback:thanks")
        return render(request, "feedback/new.html", {"form": form}, status=400)
    initial = {}
    slug = request.GET.get("dataset")
    if slug:
        dataset = Dataset.objects.filter(slug=slug).only("slug", "title").first()
        if dataset:
            initial["dataset"] = dataset
    kind = request.GET.get("kind")
    if kind:
        initial["kind"] = kind
    return render(request, "feedback/new.html", {"form": FeedbackForm(initial=initial)})


def feedback_thanks(request):
    return render(request, "feedback/thanks.html")


def request_list(request):
    params = request.GET.copy()
    sort = params.get("sort", "votes")
    if sort not in SORTS:
        sort = "votes"
    params["ordering"] = SORTS[sort]
    filterset = FeedbackFilterSet(params, queryset=selectors.feedback_public_list())
    items = filterset.qs if filterset.is_valid() else selectors.feedback_public_list().none()
    page = VersionCachedPaginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "feedback/request_list.html",
        {"filter": filterset, "page": page, "sort": sort, "query": query.urlencode()},
    )


def request_detail(request, pk):
    item = get_object_or_404(selectors.feedback_public_detail_queryset(), pk=pk)
    cookie_id = voter_cookie_id(request)
    has_voted = False
    if cookie_id:
        from .identity import voter_key

        has_voted = item.votes.filter(voter_key=voter_key(cookie_id=cookie_id, ip="")).exists()
    return render(
        request,
        "feedback/request_detail.html",
        {
            "item": item,
            "has_voted": has_voted,
            "fulfilled_dataset_url": dataset_url(item.fulfilled_dataset),
            "dataset_url": dataset_url(item.dataset),
        },
    )


@require_POST
def request_vote(request, pk):
    item = get_object_or_404(FeedbackItem, pk=pk)
    cookie_id = voter_cookie_id(request)
    fresh_cookie = cookie_id is None
    if fresh_cookie:
        cookie_id = new_voter_cookie_id()
    try:
        result = services.feedback_vote(item=item, cookie_id=cookie_id, ip=client_ip(request))
    except PermissionDenied as exc:
        raise Http404 from exc
    if result.counted:
        messages.success(request, "Дякуємо! Ваш голос враховано.")
    else:
        messages.info(request, result.reason)
    response = redirect(reverse("feedback:request-detail", kwargs={"pk": item.pk}) + "#vote")
    if fresh_cookie:
        set_voter_cookie(response, cookie_id)
    return response


class RequestFeed(Feed):
    """Atom, like /feeds/progress/: each entry dated by its request's own events (received,
    answered, closed), newest event first."""

    feed_type = Atom1Feed
    link = reverse_lazy("feedback:request-list")

    def title(self):
        return _("Запити на відкриті дані")

    def subtitle(self):
        return _("Нові опубліковані звернення щодо відкритих даних")

    def feed_url(self):
        return reverse("feedback:request-feed")

    def items(self):
        return selectors.feedback_public_feed(limit=FEED_SIZE)

    def item_title(self, item):
        return f"№{item.pk}: {shorten_at_word(item.title, FEED_TITLE_LIMIT)}"

    def item_description(self, item):
        return f"{item.get_kind_display()} · {item.get_status_display()}\n\n{item.text}"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.last_event_at


def _coordinator_only(request):
    if not roles.is_coordinator(request.user):
        raise PermissionDenied("Модерація доступна лише координаторам.")


@login_required
def moderation_queue(request):
    _coordinator_only(request)
    status = request.GET.get("status") or None
    if status not in FeedbackStatus.values:
        status = None
    queue = selectors.moderation_queue(status=status)
    page = Paginator(queue, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/moderation_queue.html",
        {
            "page": page,
            "status": status,
            "statuses": FeedbackStatus.choices,
            "unanswered_days": settings.FEEDBACK_UNANSWERED_DAYS,
        },
    )


@login_required
def moderation_detail(request, pk):
    _coordinator_only(request)
    item = get_object_or_404(
        FeedbackItem.objects.select_related("dataset", "fulfilled_dataset", "duplicate_of").prefetch_related(
            "history__by"
        ),
        pk=pk,
    )
    initial = {
        "status": item.status if item.status != FeedbackStatus.NEW else FeedbackStatus.PUBLISHED,
        "public_answer": item.public_answer,
        "internal_note": item.internal_note,
        "duplicate_of": item.duplicate_of_id,
        "fulfilled_dataset": item.fulfilled_dataset,
    }
    if request.method == "POST":
        form = ModerationForm(request.POST, item=item)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.feedback_moderate(
                    item=item,
                    by=request.user,
                    status=data["status"],
                    public_answer=data["public_answer"],
                    internal_note=data["internal_note"],
                    duplicate_of=data["duplicate_of"],
                    fulfilled_dataset=data["fulfilled_dataset"],
                    history_comment=data["history_comment"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Звернення №{item.pk} збережено.")
                return redirect("feedback:moderation-detail", pk=item.pk)
        status = 400
    else:
        form = ModerationForm(initial=initial, item=item)
        status = 200
    return render(request, "feedback/moderation_detail.html", {"item": item, "form": form}, status=status)
