from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class GenerateReportForm(forms.Form):
    year = forms.IntegerField(label=_("Рік"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Квартал"), coerce=int, choices=[(1, "I"), (2, "II"), (3, "III"), (4, "IV")]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
