from django.urls import path, re_path

from . import import_views, passport_views, views
from .ckan import views as ckan

app_name = "registry"
urlpatterns = [
    path("registry/", views.dataset_list, name="dataset-list"),
    path("registry/export.csv", views.dataset_export, name="dataset-export"),
    path("registry/export.xlsx", views.dataset_export_xlsx, name="dataset-export-xlsx"),
    path("registry/catalog", views.catalog, name="catalog"),
    path("registry/catalog.rdf", views.catalog_rdf, name="catalog-rdf"),
    path("registry/catalog.jsonld", views.catalog_jsonld, name="catalog-jsonld"),
    path("registry/catalog.ttl", views.catalog_ttl, name="catalog-ttl"),
    path("registry/835/", views.checklist, name="checklist-835"),
    path("registry/my/", views.my_datasets, name="my-datasets"),
    path("registry/import/", import_views.import_start, name="import"),
    path("registry/import/<int:pk>/", import_views.import_job, name="import-job"),
    path("registry/import/<int:pk>/confirm/", import_views.import_job_confirm, name="import-job-confirm"),
    path("registry/passports.<str:fmt>", passport_views.register_passports, name="register-passports"),
    path("registry/<slug:slug>/passport.<str:fmt>", passport_views.dataset_passport, name="dataset-passport"),
    path("registry/<slug:slug>/", views.dataset_detail, name="dataset-detail"),
    path("registry/<slug:slug>/mark-updated/", views.mark_updated, name="dataset-mark-updated"),
    # CKAN action API (read only): /api/action/<name> as ckanapi calls it, /api/3/action/<name>.
    re_path(r"^api/(?:(?P<version>[123])/)?action/(?P<name>[^/]*)/?$", ckan.action, name="ckan-action"),
    path("api/3", ckan.api_version, {"version": 3}, name="ckan-api-3"),
    path("api/util/status", ckan.util_status, name="ckan-status"),
]
