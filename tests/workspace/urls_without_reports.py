"""The site's URLs as they were before the reports app had a "generate" URL."""

from django.urls import include, path

urlpatterns = [
    path("", include(([], "reports"))),
    path("", include("ternopil_od.urls")),
]
