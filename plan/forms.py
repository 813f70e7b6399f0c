"""Forms of the plan app (the admin's table import)."""

import base64
import binascii

from django import forms

from common.quarters import Quarter

from .choices import PlanStatus

MAX_TABLE_BYTES = 2 * 1024 * 1024


class PlanImportForm(forms.Form):
    """Upload a plan table; the first submit is a dry run, the second (confirm) writes."""

    file = forms.FileField(label="Таблиця плану (CSV або XLSX)", required=False)
    data = forms.CharField(widget=forms.HiddenInput, required=False)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label="Назва плану", max_length=500)
    start = forms.CharField(label="Перший квартал", initial="2019Q1", max_length=7)
    end = forms.CharField(label="Останній квартал", initial="2020Q4", max_length=7)
    status = forms.ChoiceField(label="Стан", choices=PlanStatus.choices, initial=PlanStatus.ADOPTED)

    def _quarter(self, name):
        try:
            return Quarter.parse(self.cleaned_data[name])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_start(self):
        return self._quarter("start")

    def clean_end(self):
        return self._quarter("end")

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > MAX_TABLE_BYTES:
                raise forms.ValidationError("Файл завеликий: найбільше 2 МБ.")
            cleaned["content"] = upload.read()
            cleaned["filename"] = upload.name
        elif cleaned.get("data"):
            try:
                cleaned["content"] = base64.b64decode(cleaned["data"], validate=True)
            except (binascii.Error, ValueError):
                raise forms.ValidationError("Пошкоджені дані файлу; завантажте його ще раз.") from None
        else:
            raise forms.ValidationError("Оберіть файл таблиці.")
        return cleaned
