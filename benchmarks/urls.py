"""The real URLs plus the yardstick: a trivial view that returns a fixed page.

Every time and throughput figure is given as a ratio to this view measured in the same run,
through the same middleware, client and server, so the figures travel between machines.
"""

from django.http import HttpResponse
from django.urls import include, path

TRIVIAL_PATH = "/__bench__/trivial/"
# About the size of a small HTML page's head and a paragraph.
TRIVIAL_BODY = (
    '<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>Benchmark</title></head>'
    "<body><h1>Відкриті дані</h1><p>" + "Фіксована сторінка для порівняння. " * 20 + "</p></body></html>"
).encode()


def trivial(request):
    return HttpResponse(TRIVIAL_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [
    path(TRIVIAL_PATH.strip("/") + "/", trivial, name="bench-trivial"),
    path("", include("ternopil_od.urls")),
]
