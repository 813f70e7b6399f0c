from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from .choices import FeedbackKind, FeedbackStatus
from .dataset_picker import DatasetPickerField
from .models import ANSWER_MAX, NAME_MAX, TEXT_MAX, TITLE_MAX, FeedbackItem

HONEYPOT_FIELD = "website"


class FeedbackForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Вид звернення"), choices=FeedbackKind.choices, initial=FeedbackKind.DATASET_REQUEST
    )
    title = forms.CharField(label=_("Тема"), max_length=TITLE_MAX, min_length=5)
    text = forms.CharField(
        label=_("Текст звернення"),
        max_length=TEXT_MAX,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=lazy(lambda: _("Не більше %(max)d символів.") % {"max": TEXT_MAX}, str)(),
    )
    # A text input with suggestions from the server, not a <select> of every dataset (see dataset_picker).
    dataset = DatasetPickerField(
        label=_("Набір даних, якого стосується (необов’язково)"),
        help_text=_("Почніть вводити назву набору й оберіть його з підказок або введіть slug набору."),
    )
    name = forms.CharField(label=_("Ваше ім’я (необов’язково)"), max_length=NAME_MAX, required=False)
    email = forms.EmailField(
        label=_("E-mail для відповіді (необов’язково)"),
        required=False,
        help_text=_("Не оприлюднюється. Ми напишемо, коли звернення отримає відповідь або змінить стан."),
    )
    consent = forms.BooleanField(
        label=_("Погоджуюся на обробку моїх персональних даних (імені та e-mail) для відповіді на звернення"),
        required=False,
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled by naive bots.
    website = forms.CharField(label=_("Не заповнюйте це поле"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        for field in self.fields.values():
            field.error_messages.setdefault("required", _("Це поле обов’язкове."))
        self.fields["title"].error_messages.update(
            {
                "required": _("Вкажіть тему звернення."),
                "min_length": _("Тема надто коротка: щонайменше %(limit_value)d символів."),
                "max_length": _("Тема надто довга: не більше %(limit_value)d символів (зараз %(show_value)d)."),
            }
        )
        self.fields["text"].error_messages.update(
            {
                "required": _("Опишіть, будь ласка, ваше звернення."),
                "min_length": _("Текст надто короткий: щонайменше %(limit_value)d символів."),
                "max_length": _("Текст надто довгий: не більше %(limit_value)d символів (зараз %(show_value)d)."),
            }
        )
        self.fields["name"].error_messages["max_length"] = _("Ім’я надто довге: не більше %(limit_value)d символів.")
        self.fields["email"].error_messages["invalid"] = _(
            "Вкажіть правильну адресу e-mail, наприклад name@example.com."
        )
        self.fields["kind"].error_messages["invalid_choice"] = _("Оберіть вид звернення зі списку.")

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean(self):
        data = super().clean()
        if (data.get("email") or data.get("name")) and not data.get("consent"):
            self.add_error(
                "consent", _("Щоб ми могли відповісти вам на e-mail, дайте згоду на обробку персональних даних.")
            )
        return data


class ModerationForm(forms.Form):
    status = forms.ChoiceField(label=_("Стан"), choices=FeedbackStatus.choices)
    history_comment = forms.CharField(
        label=_("Публічний коментар до зміни (в історії звернення)"),
        required=False,
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    public_answer = forms.CharField(
        label=_("Публічна відповідь"), required=False, max_length=ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )
    internal_note = forms.CharField(
        label=_("Внутрішня примітка (бачать лише координатори)"),
        required=False,
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    duplicate_of = forms.ModelChoiceField(
        label=_("Оригінал (для стану «Дублікат»)"),
        queryset=FeedbackItem.objects.none(),
        required=False,
        widget=forms.NumberInput,
        help_text=_("Номер первинного звернення."),
    )
    fulfilled_dataset = DatasetPickerField(
        label=_("Набір, що виконує запит (для стану «Виконано»)"),
        help_text=_("Почніть вводити назву набору й оберіть його з підказок або введіть slug набору."),
    )

    def __init__(self, *args, item: FeedbackItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate_of"].queryset = FeedbackItem.objects.exclude(pk=item.pk)
        self.fields["duplicate_of"].error_messages["invalid_choice"] = _("Звернення з таким номером немає.")
