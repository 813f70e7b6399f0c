"""/api/v1/: one router for every app's viewsets, the schema and its docs."""

from importlib import import_module

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from common.api.views import NotFoundView, RedocView, SwaggerView

# Each app registers its viewsets in <app>/api/routes.py with register(router).
ROUTE_MODULES = [
    "accounts.api.routes",
    "plan.api.routes",
    "registry.api.routes",
    "audit.api.routes",
    "feedback.api.routes",
    "reports.api.routes",
]

router = DefaultRouter()
for module_name in ROUTE_MODULES:
    import_module(module_name).register(router)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", RedocView.as_view(url_name="api-schema"), name="api-redoc"),
] + router.urls

# Last: anything else under /api/v1/ is a JSON 404 (not Django's HTML page).
urlpatterns.append(re_path(r"^[\s\S]*$", NotFoundView.as_view(), name="api-not-found"))
