from django import forms
from django.db import models

from .choices import ReviewDecision
from .models import InformationResource
from .services import RESOURCE_FIELDS


def _formfield(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class InformationResourceForm(forms.ModelForm):
    """One resource of the questionnaire. A draft needs only the name; submitting checks the rest."""

    class Meta:
        model = InformationResource
        formfield_callback = _formfield
        fields = RESOURCE_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "legal_basis": forms.Textarea(attrs={"rows": 2}),
            "restriction_reason": forms.Textarea(attrs={"rows": 2}),
            "public_interest": forms.Select(choices=[("", "—")] + [(i, str(i)) for i in range(1, 6)]),
        }
        help_texts = {
            "formats": "Наприклад: XLSX, CSV, PDF.",
            "restriction_reason": "Обов’язково, якщо ресурс не можна оприлюднити повністю (закон, стаття).",
            "public_interest": "1 — низький, 5 — дуже високий.",
            "legal_basis": "Закон, постанова, рішення ради, положення про підрозділ.",
        }


class ResponseNotesForm(forms.Form):
    notes = forms.CharField(
        label="Примітки підрозділу", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Рішення",
        choices=[
            (ReviewDecision.ACCEPTED, ReviewDecision.ACCEPTED.label),
            (ReviewDecision.REJECTED, ReviewDecision.REJECTED.label),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label="Коментар", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(forms.Form):
    comment = forms.CharField(label="Що треба доопрацювати", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
