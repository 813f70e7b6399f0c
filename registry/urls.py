from django.urls import path

from . import ckan, views

app_name = "registry"
urlpatterns = [
    path("registry/", views.dataset_list, name="dataset-list"),
    path("registry/export.csv", views.dataset_export, name="dataset-export"),
    path("registry/catalog", views.catalog, name="catalog"),
    path("registry/catalog.rdf", views.catalog_rdf, name="catalog-rdf"),
    path("registry/catalog.jsonld", views.catalog_jsonld, name="catalog-jsonld"),
    path("registry/catalog.ttl", views.catalog_ttl, name="catalog-ttl"),
    path("registry/835/", views.checklist, name="checklist-835"),
    path("registry/my/", views.my_datasets, name="my-datasets"),
    path("registry/<slug:slug>/", views.dataset_detail, name="dataset-detail"),
    path("registry/<slug:slug>/mark-updated/", views.mark_updated, name="dataset-mark-updated"),
    # CKAN action API v3 (read only).
    path("api/3/action/package_list", ckan.package_list, name="ckan-package-list"),
    path("api/3/action/package_show", ckan.package_show, name="ckan-package-show"),
    path("api/3/action/package_search", ckan.package_search, name="ckan-package-search"),
    path("api/3/action/organization_list", ckan.organization_list, name="ckan-organization-list"),
]
