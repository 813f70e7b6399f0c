from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import AuditCampaign, AuditReminder, AuditResponse, InformationResource


@admin.register(AuditCampaign)
class AuditCampaignAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "start_date", "deadline", "results_published")
    list_filter = ("status",)
    filter_horizontal = ("departments",)
    readonly_fields = ("status", "opened_at", "closed_at", "created_by")
    actions = ("open_campaigns", "close_campaigns")

    def get_readonly_fields(self, request, obj=None):
        # Responses are created when the campaign opens: the departments are fixed from then on.
        if obj is not None and obj.status != "draft":
            return (*self.readonly_fields, "departments")
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def _run(self, request, queryset, service, done):
        for campaign in queryset:
            try:
                service(campaign=campaign, by=request.user)
            except (ValidationError, PermissionDenied) as exc:
                self.message_user(
                    request, f"{campaign}: {' '.join(getattr(exc, 'messages', [str(exc)]))}", messages.ERROR
                )
            else:
                self.message_user(request, f"{campaign}: {done}")

    @admin.action(description="Відкрити кампанію і надіслати запрошення")
    def open_campaigns(self, request, queryset):
        self._run(request, queryset, services.campaign_open, "відкрито")

    @admin.action(description="Завершити кампанію")
    def close_campaigns(self, request, queryset):
        self._run(request, queryset, services.campaign_close, "завершено")


class InformationResourceInline(admin.StackedInline):
    model = InformationResource
    extra = 0
    raw_id_fields = ("dataset",)
    readonly_fields = ("reviewed_by", "reviewed_at")


@admin.register(AuditResponse)
class AuditResponseAdmin(SimpleHistoryAdmin):
    list_display = ("department", "campaign", "status", "submitted_at")
    list_filter = ("status", "campaign")
    inlines = [InformationResourceInline]


@admin.register(AuditReminder)
class AuditReminderAdmin(admin.ModelAdmin):
    list_display = ("response", "days_before", "sent_at")
