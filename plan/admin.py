"""Admin for the plan. Periods are derived from the deadline text; progress changes refresh the task."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from accounts import roles

from . import services
from .deadlines import DeadlineError, outside_plan_message, parse_deadline
from .forms import MAX_TABLE_BYTES, PlanImportForm
from .models import (
    ActionPlan,
    EvidenceFile,
    EvidenceLink,
    Indicator,
    IndicatorValue,
    Principle,
    ProgressUpdate,
    Section,
    Task,
    TaskDepartment,
    TaskPeriod,
)


class PrincipleInline(admin.TabularInline):
    model = Principle
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ("title", "start_quarter", "end_quarter", "status", "decision_number")
    list_filter = ("status",)
    search_fields = ("title", "decision_number")
    inlines = [PrincipleInline]
    change_list_template = "plan/admin/actionplan_change_list.html"

    def get_urls(self):
        urls = [path("import/", self.admin_site.admin_view(self.import_view), name="plan_actionplan_import")]
        return urls + super().get_urls()

    def import_view(self, request):
        """Upload a table, see the dry run (counts or row-level errors), then confirm."""
        if not roles.is_coordinator(request.user):
            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": "Імпорт плану"}
        form = PlanImportForm(request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            cleaned = form.cleaned_data
            confirm = "confirm" in request.POST
            try:
                report = services.plan_import(
                    data=cleaned["content"],
                    filename=cleaned["filename"],
                    title=cleaned["title"],
                    start=cleaned["start"],
                    end=cleaned["end"],
                    status=cleaned["status"],
                    dry_run=not confirm,
                    by=request.user,
                    mapping=cleaned["mapping"],
                    create_departments=cleaned["create_departments"],
                    max_bytes=MAX_TABLE_BYTES,
                )
            except ValidationError as exc:
                context["errors"] = exc.messages
            else:
                if confirm:
                    messages.success(request, "План імпортовано. " + report.summary())
                    return redirect(reverse("admin:plan_actionplan_change", args=[report.plan.pk]))
                context.update(
                    report=report,
                    data_b64=form.sign(cleaned["content"]),
                    filename=cleaned["filename"],
                )
        context["form"] = form
        return TemplateResponse(request, "plan/admin/import_plan.html", context)


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


@admin.register(Principle)
class PrincipleAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "plan")
    list_filter = ("plan",)
    inlines = [SectionInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ("title", "principle", "position")
    list_filter = ("principle__plan", "principle")
    list_select_related = ("principle",)
    search_fields = ("title",)


class TaskDepartmentInline(admin.TabularInline):
    model = TaskDepartment
    extra = 0
    autocomplete_fields = ("department",)


class TaskPeriodInline(admin.TabularInline):
    """Read-only: periods come from the deadline text."""

    model = TaskPeriod
    extra = 0
    fields = ("start_quarter", "end_quarter")
    readonly_fields = ("start_quarter", "end_quarter")
    can_delete = False

    @admin.display(description="з кварталу")
    def start_quarter(self, obj):
        return str(obj.start) if obj and obj.start_index is not None else ""

    @admin.display(description="по квартал")
    def end_quarter(self, obj):
        return str(obj.end) if obj and obj.end_index is not None else ""

    def has_add_permission(self, request, obj=None):
        return False


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


class TaskAdminForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ("plan", "section", "position", "title", "description", "indicators_text", "deadline_text")

    def clean(self):
        cleaned = super().clean()
        plan, text = cleaned.get("plan"), cleaned.get("deadline_text")
        if plan and text:
            try:
                self.parsed_deadline = parse_deadline(text, plan_start=plan.start, plan_end=plan.end)
            except DeadlineError as exc:
                self.add_error("deadline_text", str(exc))
            else:
                outside = outside_plan_message(self.parsed_deadline, plan_start=plan.start, plan_end=plan.end)
                if outside:
                    self.add_error("deadline_text", f"«{text}»: {outside}")
        return cleaned


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    form = TaskAdminForm
    list_display = ("position", "title_short", "section", "deadline_text", "due_date", "status", "recurring")
    list_display_links = ("title_short",)
    list_filter = ("plan", "status", "recurring", "section__principle")
    list_select_related = ("section",)
    search_fields = ("title", "description", "indicators_text")
    readonly_fields = ("recurring", "due_date", "status", "percent")
    inlines = [TaskDepartmentInline, TaskPeriodInline, IndicatorInline]

    @admin.display(description="завдання")
    def title_short(self, obj):
        return str(obj)

    def save_model(self, request, obj, form, change):
        deadline = form.parsed_deadline
        obj.recurring, obj.due_date = deadline.recurring, deadline.due_date
        obj._change_reason = "Зміна в адмін-панелі"
        super().save_model(request, obj, form, change)
        services._write_periods(obj, deadline)


class IndicatorValueInline(admin.TabularInline):
    """Read-only: actual values come with progress updates and are written when those are accepted
    (``plan.verification``); the quarter is shown as a label, not as its raw index."""

    model = IndicatorValue
    extra = 0
    fields = ("period_label", "actual_value", "target_value", "update", "note")
    readonly_fields = fields
    can_delete = False

    @admin.display(description="звітний період")
    def period_label(self, obj):
        return obj.quarter.label()

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("text", "target_value", "unit", "task")
    list_select_related = ("task",)
    search_fields = ("text",)
    inlines = [IndicatorValueInline]


class EvidenceLinkInline(admin.TabularInline):
    model = EvidenceLink
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class EvidenceFileInline(admin.TabularInline):
    model = EvidenceFile
    extra = 0


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = ("task", "period_label", "date", "status", "percent", "review_state", "author")
    list_filter = ("status", "review_state", "task__plan")
    # The reporting period follows the date here; decisions go through plan.verification (workspace, API).
    exclude = ("period_index",)
    readonly_fields = (
        "period_label",
        "indicator_actuals",
        "review_state",
        "reviewed_by",
        "reviewed_at",
        "review_comment",
        "author_notified_at",
    )

    @admin.display(description="звітний період")
    def period_label(self, obj):
        return obj.period.label() if obj.period_index is not None else "—"

    list_select_related = ("task", "author")
    search_fields = ("narrative", "task__title")
    autocomplete_fields = ("task",)
    raw_id_fields = ("author",)
    inlines = [EvidenceLinkInline, EvidenceFileInline]

    def get_actions(self, request):
        # Bulk deletion would skip refreshing the tasks' status; delete one update at a time.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        services._refresh_task_status(obj.task, by=request.user)

    def delete_model(self, request, obj):
        task = obj.task
        super().delete_model(request, obj)
        services._refresh_task_status(task, by=request.user)
