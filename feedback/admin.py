from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from .models import FeedbackItem, FeedbackStatusChange


class FeedbackStatusChangeInline(admin.TabularInline):
    model = FeedbackStatusChange
    fields = ["created_at", "status", "comment", "by", "requester_notified_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(FeedbackItem)
class FeedbackItemAdmin(admin.ModelAdmin):
    """Browse, search and delete (spam). Status and answers change on the moderation page, which
    keeps the public history and e-mails the requester; here they are read-only."""

    list_display = ["pk", "title", "kind", "status", "created_at", "first_answered_at", "closed_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "text", "email", "name"]
    date_hierarchy = "created_at"
    inlines = [FeedbackStatusChangeInline]
    readonly_fields = [
        "moderation_link",
        "kind",
        "title",
        "text",
        "dataset",
        "status",
        "duplicate_of",
        "public_answer",
        "fulfilled_dataset",
        "consent",
        "created_at",
        "first_answered_at",
        "answered_at",
        "closed_at",
        "personal_data_erased_at",
    ]
    fields = ["moderation_link", *readonly_fields[1:], "name", "email", "internal_note"]

    @admin.display(description="Модерація")
    def moderation_link(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '<a href="{}">Змінити стан і відповідь</a>', reverse("feedback:moderation-detail", args=[obj.pk])
        )

    def has_add_permission(self, request):
        return False
