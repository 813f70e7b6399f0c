from django.contrib import admin
from django.urls import path
from import_export.admin import ExportMixin

from accounts import roles

from . import import_views
from .models import Dataset, DatasetUpdate, RegistryImportJob, RequiredDataset
from .resources import DatasetResource
from .services import dataset_refresh_computed


class CoordinatorImportExportMixin:
    """Only coordinators import and export."""

    def has_import_permission(self, request):
        return roles.is_coordinator(request.user)

    def has_export_permission(self, request):
        return roles.is_coordinator(request.user)


class DatasetUpdateInline(admin.TabularInline):
    model = DatasetUpdate
    extra = 0
    fields = ["updated_at", "by", "note", "link"]
    raw_id_fields = ["by"]


@admin.register(Dataset)
class DatasetAdmin(CoordinatorImportExportMixin, ExportMixin, admin.ModelAdmin):
    """Export through django-import-export; import through the registry's own import page (one path)."""

    resource_classes = [DatasetResource]
    import_export_change_list_template = "registry/admin/dataset_change_list.html"
    list_display = ["title", "department", "status", "frequency", "next_due_date", "quality_score"]
    list_filter = ["status", "frequency", "schedule_mode", "theme", "department"]
    search_fields = ["title", "identifier", "keywords"]
    list_select_related = ["department"]
    readonly_fields = ["next_due_date", "quality_score", "created_at", "updated_at"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["tasks"]
    inlines = [DatasetUpdateInline]

    def get_urls(self):
        # The same page, service and background job as the staff import (registry.import_views).
        urls = [path("import/", self.admin_site.admin_view(import_views.import_start), name="registry_dataset_import")]
        return urls + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "has_import_permission": self.has_import_permission(request)}
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        dataset_refresh_computed(obj)
        super().save_model(request, obj, form, change)


@admin.register(DatasetUpdate)
class DatasetUpdateAdmin(admin.ModelAdmin):
    list_display = ["dataset", "updated_at", "by"]
    list_select_related = ["dataset", "by"]
    raw_id_fields = ["dataset", "by"]


@admin.register(RequiredDataset)
class RequiredDatasetAdmin(admin.ModelAdmin):
    list_display = ["position", "title", "applies_to"]
    list_filter = ["applies_to"]
    search_fields = ["title"]


@admin.register(RegistryImportJob)
class RegistryImportJobAdmin(admin.ModelAdmin):
    """Read-only: jobs are made by the import page."""

    list_display = ["filename", "state", "rows_done", "rows_total", "created_by", "created_at"]
    list_filter = ["state"]
    exclude = ["content"]
    readonly_fields = [f.name for f in RegistryImportJob._meta.fields if f.name != "content"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
