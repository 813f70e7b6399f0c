"""Public representations of the plan. No e-mails or other personal data."""

from rest_framework import serializers

from accounts.models import Department
from common.quarters import Quarter

from .. import reporting
from ..choices import TaskStatus
from ..models import NARRATIVE_MAX, ActionPlan, EvidenceFile, EvidenceLink, Principle, ProgressUpdate, Section, Task


class PlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionPlan
        fields = ["id", "title", "decision_number", "decision_date", "start_quarter", "end_quarter", "status"]


class PrincipleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Principle
        fields = ["id", "plan", "number", "title"]


class SectionSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="principle.plan_id", read_only=True)

    class Meta:
        model = Section
        fields = ["id", "plan", "principle", "title", "position"]


class DepartmentSerializer(serializers.ModelSerializer):
    """Public fields only: never the e-mail or the head."""

    class Meta:
        model = Department
        fields = ["id", "name", "short_name"]


class TaskSerializer(serializers.ModelSerializer):
    periods = serializers.SerializerMethodField()
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    departments = serializers.SerializerMethodField()
    principle = serializers.SerializerMethodField()
    section = serializers.SerializerMethodField()
    indicators = serializers.SerializerMethodField()

    class Meta:
        model = Task
        fields = [
            "id",
            "plan",
            "position",
            "title",
            "description",
            "indicators_text",
            "deadline_text",
            "periods",
            "recurring",
            "due_date",
            "status",
            "status_label",
            "percent",
            "overdue",
            "departments",
            "participants",
            "principle",
            "section",
            "indicators",
        ]

    def get_periods(self, task) -> list[dict]:
        return [{"start": str(p.start), "end": str(p.end)} for p in task.periods.all()]

    def get_departments(self, task) -> list[dict]:
        links = sorted(task.task_departments.all(), key=lambda link: (not link.is_lead, link.position, link.pk))
        return [
            {
                "id": link.department_id,
                "name": link.department.name,
                "short_name": link.department.short_name,
                "is_lead": link.is_lead,
            }
            for link in links
        ]

    def get_principle(self, task) -> dict:
        principle = task.section.principle
        return {"id": principle.pk, "number": principle.number, "title": principle.title}

    def get_section(self, task) -> dict:
        return {"id": task.section_id, "title": task.section.title}

    def get_indicators(self, task) -> list[dict]:
        return [
            {
                "id": i.pk,
                "text": i.text,
                "target_value": None if i.target_value is None else float(i.target_value),
                "unit": i.unit,
            }
            for i in task.indicators.all()
        ]


class EvidenceLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvidenceLink
        fields = ["url", "title"]


class EvidenceFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvidenceFile
        fields = ["file", "title"]


class ProgressUpdateSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    period = serializers.SerializerMethodField()
    review_state_label = serializers.CharField(source="get_review_state_display", read_only=True)
    links = EvidenceLinkSerializer(many=True, read_only=True)
    files = EvidenceFileSerializer(many=True, read_only=True)

    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "task",
            "date",
            "status",
            "status_label",
            "percent",
            "period",
            "narrative",
            "delay_reason",
            "next_steps",
            "indicator_actuals",
            "review_state",
            "review_state_label",
            "author",
            "links",
            "files",
            "created_at",
        ]

    def get_period(self, update) -> str:
        """The quarter reported on, e.g. 2019Q4."""
        return str(update.period)

    def get_author(self, update) -> str:
        """The author's name (no login or e-mail)."""
        return update.author.get_full_name() or "" if update.author else ""


class LinkInputSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=1000)
    title = serializers.CharField(max_length=255, required=False, allow_blank=True)


class IndicatorValueInputSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(min_value=1)
    actual = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
    target = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True)
    unit = serializers.CharField(max_length=100, required=False, allow_blank=True)


class ProgressInputSerializer(serializers.Serializer):
    """A report on a task; ``context["task"]`` checks the indicator values against its indicators,
    so a bad value gets its own field error (``indicator_values[i].actual``)."""

    status = serializers.ChoiceField(choices=TaskStatus.choices)
    period = serializers.CharField(max_length=7, required=False, help_text="Звітний квартал, напр. 2019Q4.")
    delay_reason = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    next_steps = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    indicator_values = IndicatorValueInputSerializer(many=True, required=False)
    narrative = serializers.CharField(max_length=NARRATIVE_MAX)
    date = serializers.DateField(required=False)
    percent = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=100)
    links = LinkInputSerializer(many=True, required=False)
    files = serializers.ListField(child=serializers.FileField(), required=False)

    def validate_period(self, value):
        try:
            return Quarter.parse(value)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from None

    def validate_indicator_values(self, rows):
        task = self.context.get("task")
        if task is None:
            return rows
        indicators = {i.pk: i for i in task.indicators.all()}
        errors = {}  # as DRF reports nested lists: {"<row index>": {field: [messages]}}
        for index, row in enumerate(rows):
            indicator = indicators.get(row["indicator"])
            if indicator is None:
                row_errors = {"indicator": ["Такого показника немає серед показників цього завдання."]}
            else:
                found = reporting.indicator_value_errors(
                    indicator=indicator, actual=row["actual"], target=row.get("target"), unit=row.get("unit")
                )
                row_errors = {name: [message] for name, message in found.items()}
            if row_errors:
                errors[str(index)] = row_errors
        if errors:
            raise serializers.ValidationError(errors)
        return rows


class ReviewInputSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=5000, required=False, allow_blank=True)
