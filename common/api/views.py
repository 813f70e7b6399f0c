"""Views of /api/v1/ itself: the documentation pages and a JSON 404 for unknown addresses."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.views.defaults import page_not_found
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView


class NotFoundView(APIView):
    """Every method: 404 with `{"detail": ...}` in the request's language.

    As Django's APPEND_SLASH would, an address that only lacks its final slash is redirected.
    """

    permission_classes = [AllowAny]
    authentication_classes = []
    schema = None  # not an operation of the API

    def dispatch(self, request, *args, **kwargs):
        path = request.path_info
        if settings.APPEND_SLASH and request.method in ("GET", "HEAD") and not path.endswith("/"):
            try:
                match = resolve(path + "/")
            except Resolver404:
                match = None
            if match is not None and getattr(match.func, "cls", None) is not NotFoundView:
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
        return super().dispatch(request, *args, **kwargs)

    def _not_found(self, request, *args, **kwargs):
        raise exceptions.NotFound

    get = post = put = patch = delete = options = _not_found


class _JSONOptionsMixin:
    """The docs pages render HTML only; their OPTIONS answer (view metadata) is JSON like the rest of the API."""

    def options(self, request, *args, **kwargs):
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = "application/json"
        return super().options(request, *args, **kwargs)


class SwaggerView(_JSONOptionsMixin, SpectacularSwaggerSplitView):
    """Swagger UI, its JavaScript and CSS served from drf-spectacular-sidecar's static files (no CDN).

    The split view serves the start-up script from ``?script`` instead of inline, so the page runs
    under the site's Content-Security-Policy unchanged."""

    template_name = "api/swagger_ui.html"


class RedocView(_JSONOptionsMixin, SpectacularRedocView):
    """ReDoc, served from drf-spectacular-sidecar's static files (no CDN, no web fonts)."""

    template_name = "api/redoc.html"


def not_found(request, exception=None):
    """The site's 404 handler: under /api/ (every version, the CKAN action API too) a JSON
    `{"detail": ...}` like the rest of the API, elsewhere Django's page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(exceptions.NotFound.default_detail)}, status=404)
    return page_not_found(request, exception)
