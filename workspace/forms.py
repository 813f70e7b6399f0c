"""Forms of the workspace. They check the input's shape (with Ukrainian messages beside each field);
the rules and rights are checked again by the service each form calls, the same one the API calls."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from common import uploads
from plan import reporting
from plan.choices import TaskStatus
from registry.forms import MarkUpdatedForm

MAX_LINKS = 20
MAX_FILES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked with ``common.uploads.validate_upload``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": uploads.accept_attribute()}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [f for f in files if f]
        if len(files) > MAX_FILES:
            raise ValidationError(f"Можна додати не більше {MAX_FILES} файлів за раз.")
        messages = []
        for upload in files:
            try:
                uploads.validate_upload(upload)
            except ValidationError as exc:
                messages.extend(exc.messages)
        if messages:
            raise ValidationError(messages)
        return files


class ProgressUpdateForm(forms.Form):
    """An "add progress update" form → ``plan.services.task_add_progress``."""

    status = forms.ChoiceField(label="Стан виконання", choices=TaskStatus.choices)
    percent = forms.IntegerField(
        label="Відсоток виконання",
        required=False,
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"}),
        error_messages={
            "invalid": "Введіть ціле число від 0 до 100.",
            "min_value": "Відсоток не може бути меншим за 0.",
            "max_value": "Відсоток не може бути більшим за 100.",
        },
    )
    narrative = forms.CharField(
        label="Що зроблено",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": "Опишіть, що зроблено."},
    )
    delay_reason = forms.CharField(
        label="Причина затримки (обов’язково, якщо термін минув, а завдання не виконано)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )
    next_steps = forms.CharField(
        label="Наступні кроки", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
    links = forms.CharField(
        label="Посилання-підтвердження (кожне з нового рядка)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "inputmode": "url"}),
    )
    files = MultipleFileField(label="Файли-підтвердження", required=False)

    def __init__(self, *args, task=None, today=None, **kwargs):
        if task is not None:
            kwargs.setdefault("prefix", f"task-{task.pk}")
            kwargs.setdefault("initial", {"status": task.status, "percent": task.percent})
        super().__init__(*args, **kwargs)
        if task is not None:
            add_reporting_fields(self, task=task, today=today or timezone.localdate())
        self.fields["status"].error_messages["invalid_choice"] = "Оберіть стан зі списку."
        # Read when the form is built, so that a changed UPLOAD_MAX_BYTES shows at once.
        self.fields["files"].help_text = (
            f"До {MAX_FILES} файлів, кожен до {uploads.max_size_label()}: "
            + ", ".join(uploads.ALLOWED_EXTENSIONS)
            + "."
        )

    def clean_links(self):
        lines = [line.strip() for line in (self.cleaned_data.get("links") or "").splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(f"Можна додати не більше {MAX_LINKS} посилань.")
        validate = URLValidator(schemes=["http", "https"])
        errors = []
        for number, url in enumerate(lines, start=1):
            try:
                validate(url)
            except ValidationError:
                errors.append(f"Рядок {number}: «{url}» — не адреса сторінки (має починатися з https:// або http://).")
            if len(url) > 1000:
                errors.append(f"Рядок {number}: посилання довше за 1000 символів.")
        if errors:
            raise ValidationError(errors)
        return lines


def add_reporting_fields(form, *, task, today) -> None:
    """The reporting period (default: the last ended quarter early in a new one) and one field per
    measurable indicator; ``indicator_values`` turns them into the service's list."""
    choices = reporting.period_choices(plan=task.plan, today=today)
    default = reporting.default_period_for(plan=task.plan, today=today)
    form.fields["period"] = forms.ChoiceField(
        label="Звітний період",
        choices=[(str(q), q.label()) for q in choices],
        initial=str(default),
        required=False,  # empty: the service's default period
        error_messages={"invalid_choice": "Оберіть квартал зі списку.", "required": "Оберіть звітний період."},
    )
    form.indicator_fields = []
    for indicator in task.indicators.all():
        name = f"indicator_{indicator.pk}"
        unit = f" ({indicator.unit})" if indicator.unit else ""
        target = f"; ціль: {indicator.target_value:g}{unit}" if indicator.target_value is not None else ""
        form.fields[name] = forms.CharField(
            label=f"Фактичне значення: {indicator.text[:120]}{unit}",
            required=False,
            max_length=20,
            help_text=f"Число за звітний період{target}.",
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        )
        form.indicator_fields.append((indicator, name))
    form.field_order = ["status", "percent", "period"]
    form.order_fields(form.field_order)


def indicator_values(form) -> list[dict]:
    """Filled indicator fields as the service's ``indicator_values`` (checked there, errors shown here)."""
    values = []
    for indicator, name in getattr(form, "indicator_fields", []):
        raw = (form.cleaned_data.get(name) or "").strip()
        if raw:
            problems = reporting.indicator_value_errors(indicator=indicator, actual=raw)
            for message in problems.values():
                form.add_error(name, message)
            values.append({"indicator": indicator.pk, "actual": raw})
    return values


class DatasetMarkUpdatedForm(MarkUpdatedForm):
    """The registry's "mark updated" form, with a prefix so that many fit on one page."""

    def __init__(self, *args, dataset=None, **kwargs):
        if dataset is not None:
            kwargs.setdefault("prefix", f"dataset-{dataset.pk}")
        super().__init__(*args, **kwargs)
        self.fields["note"].widget = forms.TextInput(attrs={"maxlength": 2000})
        self.fields["link"].error_messages["invalid"] = "Введіть правильну адресу сторінки (https://...)."


class HeadChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.username
        return f"{name} ({user.username})"


class DepartmentContactsForm(forms.Form):
    """Contacts a coordinator keeps current → ``accounts.services.department_update_contacts``."""

    email = forms.EmailField(
        label="E-mail для сповіщень",
        required=False,
        max_length=254,
        error_messages={"invalid": "Введіть правильну адресу електронної пошти."},
    )
    short_name = forms.CharField(label="Скорочена назва", required=False, max_length=100)
    head = HeadChoiceField(
        label="Керівник",
        required=False,
        queryset=None,
        empty_label="— не призначено —",
        error_messages={"invalid_choice": "Оберіть користувача зі списку."},
    )

    def __init__(self, *args, department=None, **kwargs):
        if department is not None:
            kwargs.setdefault(
                "initial",
                {"email": department.email, "short_name": department.short_name, "head": department.head_id},
            )
        super().__init__(*args, **kwargs)
        self.fields["head"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name", "username")
        )
