from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from common.cache import cache_public_page

from . import health


@require_GET
@never_cache
def healthz(request):
    state = {"database": health.check_database(), "broker": health.check_broker()}
    healthy = all(value == "ok" for value in state.values())
    return JsonResponse(state, status=200 if healthy else 503)


@cache_public_page
def home(request):
    return render(request, "portal/home.html")
