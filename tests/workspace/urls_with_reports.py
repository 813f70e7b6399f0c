"""The site's URLs with a stand-in "reports:generate" first (its namespace wins)."""

from django.http import HttpResponse
from django.urls import include, path

urlpatterns = [
    path("", include(([path("reports/generate/", lambda request: HttpResponse(), name="generate")], "reports"))),
    path("", include("ternopil_od.urls")),
]
