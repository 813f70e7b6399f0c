import itertools

from feedback import services
from feedback.choices import FeedbackKind, FeedbackStatus
from registry.models import Dataset

_seq = itertools.count(1)


def make_dataset(department, **kwargs):
    n = next(_seq)
    defaults = {"identifier": f"ds-{n}", "title": f"Набір даних {n}", "slug": f"nabir-{n}", "department": department}
    defaults.update(kwargs)
    return Dataset.objects.create(**defaults)


def submit(ip=None, **kwargs):
    """A new item through the service, each from its own address unless ``ip`` is given."""
    n = next(_seq)
    data = {
        "kind": FeedbackKind.DATASET_REQUEST,
        "title": f"Запит на набір {n}",
        "text": "Прошу оприлюднити ці дані у машиночитному форматі.",
        "ip": ip or f"10.0.{n // 250}.{n % 250}",
    }
    data.update(kwargs)
    return services.feedback_submit(**data)


def published(coordinator, **kwargs):
    item = submit(**kwargs)
    return services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)
