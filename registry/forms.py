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
