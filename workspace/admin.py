from django.contrib import admin

from .models import WorkspaceVisit


@admin.register(WorkspaceVisit)
class WorkspaceVisitAdmin(admin.ModelAdmin):
    list_display = ("user", "current_visit_at", "previous_visit_at")
    list_select_related = ("user",)
    readonly_fields = ("user", "current_visit_at", "previous_visit_at", "session_key")
