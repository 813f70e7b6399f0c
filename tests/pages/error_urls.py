"""A test-only URLconf: the site's URLs plus two views that fail, to reach the 403 and 500 pages."""

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.urls import path

from ternopil_od.urls import handler404, handler500  # noqa: F401
from ternopil_od.urls import urlpatterns as site_urlpatterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise DatabaseError("the database is gone")


urlpatterns = [path("test-403/", forbidden), path("test-500/", broken), *site_urlpatterns]
