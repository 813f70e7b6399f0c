from django.contrib import admin
from import_export.admin import ImportExportModelAdmin

from accounts import roles

from .models import Dataset, DatasetUpdate, RequiredDataset
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
class DatasetAdmin(CoordinatorImportExportMixin, ImportExportModelAdmin):
    resource_classes = [DatasetResource]
    list_display = ["title", "department", "status", "frequency", "next_due_date", "quality_score"]
    list_filter = ["status", "frequency", "schedule_mode", "theme", "department"]
    search_fields = ["title", "identifier", "keywords"]
    list_select_related = ["department"]
    readonly_fields = ["next_due_date", "quality_score", "created_at", "updated_at"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["tasks"]
    inlines = [DatasetUpdateInline]

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
