"""A test-only URLconf: pages behind @cache_public_page that touch the database."""

from django.contrib import messages
from django.http import HttpResponse
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import include, path
from django.views.i18n import set_language

from accounts.models import Department
from common.cache import cache_public_page

CALLS = {"count": 0}
PAGE = engines["django"].from_string(
    '{% load i18n %}{% get_current_language as LANG %}<p lang="{{ LANG }}">{{ user }}|'
    "{% for d in departments %}{{ d.name }};{% endfor %}|{{ query }}</p>"
    '{% for m in messages %}<p class="msg">{{ m }}</p>{% endfor %}'
    '<form method="post" action="/i18n/setlang/">{% csrf_token %}<input name="language" value="en"></form>'
)


@cache_public_page
def departments(request):
    CALLS["count"] += 1
    if request.GET.get("missing"):
        return HttpResponse("немає", status=404)
    response = HttpResponse(
        PAGE.render(
            {"departments": list(Department.objects.order_by("name")), "query": request.GET.get("q", "")},
            request,
        )
    )
    if request.GET.get("cookie"):
        response.set_cookie("seen", "1")
    return response


@cache_public_page(timeout=0)
def uncached(request):
    CALLS["count"] += 1
    return HttpResponse(str(Department.objects.count()))


@cache_public_page
def template_page(request):
    CALLS["count"] += 1
    return TemplateResponse(request, "portal/home.html", {"departments": Department.objects.all()})


def add_message(request):
    messages.info(request, "Дякуємо за відгук")
    return HttpResponse("ok")


urlpatterns = [
    path("cached/", departments),
    path("uncached/", uncached),
    path("template/", template_page),
    path("message/", add_message),
    path("i18n/setlang/", set_language),
    path("", include("ternopil_od.urls")),
]
