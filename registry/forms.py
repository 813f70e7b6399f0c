from django import forms

from .models import UPDATE_NOTE_MAX


class MarkUpdatedForm(forms.Form):
    note = forms.CharField(
        label="Примітка (необов’язково)",
        required=False,
        max_length=UPDATE_NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    link = forms.URLField(
        label="Посилання на оновлені дані (необов’язково)", required=False, max_length=1000, assume_scheme="https"
    )


class RegistryImportForm(forms.Form):
    file = forms.FileField(label="Файл реєстру (CSV, XLSX або JSON)")
    create_departments = forms.BooleanField(
        label="Створити підрозділи, яких ще немає (їх буде показано під час перевірки)", required=False
    )
    columns = forms.CharField(
        label="Відповідність колонок (необов’язково): «Заголовок у файлі=поле», по одній на рядок",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RegistryImportConfirmForm(forms.Form):
    create_departments = forms.BooleanField(label="Створити нові підрозділи зі списку вище", required=False)
