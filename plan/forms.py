"""Forms of the plan app (the admin's table import)."""

import base64
import binascii

from django import forms
from django.core import signing

from common.quarters import Quarter
from common.spreadsheets import SpreadsheetError, parse_mapping, size_label

from .choices import PlanStatus
from .importing import MAX_BYTES

MAX_TABLE_BYTES = MAX_BYTES
_SIGNED_MAX_AGE = 6 * 3600  # the preview's file stays confirmable for a working day's part


class PlanImportForm(forms.Form):
    """Upload a plan table; the first submit is a dry run, the second (confirm) writes.

    Between the two the file travels in the hidden ``data`` field, signed for this user: a changed or
    forged value is refused, and its size is checked again, so the 2 MB cap cannot be bypassed.
    """

    file = forms.FileField(label="Таблиця плану (CSV, XLSX або DOCX)", required=False)
    data = forms.CharField(widget=forms.HiddenInput, required=False)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label="Назва плану", max_length=500)
    start = forms.CharField(label="Перший квартал", initial="2019Q1", max_length=7)
    end = forms.CharField(label="Останній квартал", initial="2020Q4", max_length=7)
    status = forms.ChoiceField(label="Стан", choices=PlanStatus.choices, initial=PlanStatus.ADOPTED)
    mapping = forms.CharField(
        label="Відповідність колонок",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=(
            "Лише для нерозпізнаних заголовків, по одному в рядку: «Заголовок=поле». Поля: task (завдання), "
            "description (зміст), indicators (показники), deadline (термін), executors (виконавці), "
            "principle (принцип), section (розділ), «-» — пропустити колонку."
        ),
    )
    create_departments = forms.BooleanField(label="Створити нові підрозділи зі списку", required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._salt = f"plan.import:{getattr(user, 'pk', '')}"

    def sign(self, content: bytes) -> str:
        return signing.TimestampSigner(salt=self._salt).sign(base64.b64encode(content).decode("ascii"))

    def _unsign(self, value: str) -> bytes:
        try:
            encoded = signing.TimestampSigner(salt=self._salt).unsign(value, max_age=_SIGNED_MAX_AGE)
            return base64.b64decode(encoded, validate=True)
        except (signing.BadSignature, binascii.Error, ValueError):
            raise forms.ValidationError("Пошкоджені або застарілі дані файлу; завантажте його ще раз.") from None

    def _quarter(self, name):
        try:
            return Quarter.parse(self.cleaned_data[name])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_start(self):
        return self._quarter("start")

    def clean_end(self):
        return self._quarter("end")

    def clean_mapping(self):
        try:
            return parse_mapping(self.cleaned_data.get("mapping") or "")
        except SpreadsheetError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        too_large = forms.ValidationError(f"Файл завеликий: найбільше {size_label(MAX_TABLE_BYTES)}.")
        if upload:
            if upload.size > MAX_TABLE_BYTES:
                raise too_large
            cleaned["content"] = upload.read()
            cleaned["filename"] = upload.name
        elif cleaned.get("data"):
            cleaned["content"] = self._unsign(cleaned["data"])
        else:
            raise forms.ValidationError("Оберіть файл таблиці.")
        if len(cleaned["content"]) > MAX_TABLE_BYTES:
            raise too_large
        return cleaned
