from django.contrib import admin

from accounts import roles

from .models import QuarterlyReport, ReportRecipient


class CoordinatorOnlyMixin:
    """Coordinators manage the recipients list in the admin whatever their model permissions."""

    def has_module_permission(self, request):
        return roles.is_coordinator(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.is_coordinator(request.user)


@admin.register(ReportRecipient)
class ReportRecipientAdmin(CoordinatorOnlyMixin, admin.ModelAdmin):
    list_display = ("name", "email", "active")
    list_filter = ("active",)
    list_editable = ("active",)
    search_fields = ("name", "email")

    def has_add_permission(self, request):
        return roles.is_coordinator(request.user)

    def has_change_permission(self, request, obj=None):
        return roles.is_coordinator(request.user)

    def has_delete_permission(self, request, obj=None):
        return roles.is_coordinator(request.user)


@admin.register(QuarterlyReport)
class QuarterlyReportAdmin(CoordinatorOnlyMixin, admin.ModelAdmin):
    """Read only: reports are made by the service (new versions), never edited."""

    list_display = ("__str__", "generated_at", "generated_by", "size", "sent_at")
    readonly_fields = [f.name for f in QuarterlyReport._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
