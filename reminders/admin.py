"""The reminder log in the admin: coordinators see what went out and what failed."""

from django.contrib import admin, messages
from django.db import transaction

from accounts.roles import is_coordinator
from common.outbox import outbox_send

from .choices import State
from .models import ReminderLog, ReminderLogItem


class ReminderLogItemInline(admin.TabularInline):
    model = ReminderLogItem
    fields = ("object_type", "object_id", "kind", "due_date", "title")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = (
        "reference_date",
        "kind",
        "recipient",
        "department",
        "state",
        "attempts",
        "sent_at",
        "short_error",
    )
    list_filter = ("state", "kind", "reference_date")
    search_fields = ("recipient", "subject", "last_error", "department__name")
    list_select_related = ("department",)
    date_hierarchy = "reference_date"
    readonly_fields = [f.name for f in ReminderLog._meta.fields]
    inlines = [ReminderLogItemInline]
    actions = ["resend"]

    @admin.display(description="помилка")
    def short_error(self, obj):
        return obj.last_error[:120]

    # Coordinators read the log (failures included) and may ask for a resend; nobody edits it.
    def has_module_permission(self, request):
        return is_coordinator(request.user)

    def has_view_permission(self, request, obj=None):
        return is_coordinator(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    @admin.action(description="Надіслати повторно (лише ненадіслані)")
    def resend(self, request, queryset):
        from .tasks import send_reminder

        ids = list(queryset.exclude(state=State.SENT).values_list("id", flat=True))
        with transaction.atomic():
            # "Sending" digests are never resent automatically (the server may have them): a coordinator decides.
            ReminderLog.objects.filter(pk__in=ids, state=State.SENDING).update(state=State.PENDING)
            for log_id in ids:
                outbox_send(send_reminder, log_id)
        self.message_user(request, f"Поставлено в чергу: {len(ids)}", messages.SUCCESS)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not is_coordinator(request.user):
            return {}
        return actions
