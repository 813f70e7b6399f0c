"""Public fields only: no names, e-mails, IP digests or internal notes ever leave through here."""

from rest_framework import serializers

from registry.models import Dataset

from ..choices import FeedbackKind
from ..links import dataset_url
from ..models import NAME_MAX, TEXT_MAX, TITLE_MAX, FeedbackItem, FeedbackStatusChange


class DatasetRefSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Dataset
        fields = ["identifier", "slug", "title", "url"]

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        path = dataset_url(obj)
        return request.build_absolute_uri(path) if request else path


class StatusChangeSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = FeedbackStatusChange
        fields = ["created_at", "status", "status_label", "comment"]


class RequestSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    votes = serializers.IntegerField(source="vote_count", read_only=True)
    dataset = DatasetRefSerializer(read_only=True, allow_null=True)
    fulfilled_dataset = DatasetRefSerializer(read_only=True, allow_null=True)
    duplicate_of = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = FeedbackItem
        fields = [
            "id",
            "url",
            "kind",
            "kind_label",
            "title",
            "text",
            "status",
            "status_label",
            "votes",
            "dataset",
            "public_answer",
            "fulfilled_dataset",
            "duplicate_of",
            "created_at",
            "first_answered_at",
            "answered_at",
            "closed_at",
        ]

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class RequestDetailSerializer(RequestSerializer):
    history = StatusChangeSerializer(many=True, read_only=True)

    class Meta(RequestSerializer.Meta):
        fields = [*RequestSerializer.Meta.fields, "history"]


class RequestCreateSerializer(serializers.Serializer):
    """Input for a new item: the same limits as the web form; the service checks the rest."""

    kind = serializers.ChoiceField(
        choices=FeedbackKind.choices, error_messages={"invalid_choice": "Невідомий вид звернення «{input}»."}
    )
    title = serializers.CharField(
        min_length=5,
        max_length=TITLE_MAX,
        error_messages={
            "min_length": "Тема надто коротка: щонайменше {min_length} символів.",
            "max_length": "Тема надто довга: не більше {max_length} символів.",
        },
    )
    text = serializers.CharField(
        min_length=10,
        max_length=TEXT_MAX,
        error_messages={
            "min_length": "Текст надто короткий: щонайменше {min_length} символів.",
            "max_length": "Текст надто довгий: не більше {max_length} символів.",
        },
    )
    dataset = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Dataset.objects.all(),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": "Набору даних «{value}» немає в реєстрі."},
    )
    name = serializers.CharField(
        max_length=NAME_MAX,
        required=False,
        allow_blank=True,
        default="",
        error_messages={"max_length": "Ім’я надто довге: не більше {max_length} символів."},
    )
    email = serializers.EmailField(
        required=False,
        allow_blank=True,
        default="",
        error_messages={"invalid": "Вкажіть правильну адресу e-mail, наприклад name@example.com."},
    )
    consent = serializers.BooleanField(required=False, default=False)
    website = serializers.CharField(required=False, allow_blank=True, default="", write_only=True)

    default_error_messages = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = "Це поле обов’язкове."
            field.error_messages["blank"] = "Це поле не може бути порожнім."
            field.error_messages["null"] = "Це поле не може бути порожнім."

    def validate_website(self, value):
        if value.strip():
            raise serializers.ValidationError("Це поле має залишатися порожнім.")
        return value

    def validate(self, attrs):
        if (attrs.get("email") or attrs.get("name")) and not attrs.get("consent"):
            raise serializers.ValidationError(
                {"consent": "Щоб ми могли відповісти вам на e-mail, дайте згоду на обробку персональних даних."}
            )
        return attrs


class VoteResultSerializer(serializers.Serializer):
    counted = serializers.BooleanField()
    votes = serializers.IntegerField()
    detail = serializers.CharField()
