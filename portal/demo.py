"""The "демонстраційні дані" flag: set by `load_demo`, shown on every public page while set."""

from django.db import transaction
from django.utils.functional import SimpleLazyObject

from common.cache import public_data_changed

from .models import DemoDataMarker


@transaction.atomic
def demo_marker_set(*, note: str = "") -> DemoDataMarker:
    marker = DemoDataMarker.objects.order_by("pk").first() or DemoDataMarker()
    marker.note = note
    marker.save()
    public_data_changed()  # cached public pages must show the notice at once
    return marker


@transaction.atomic
def demo_marker_clear() -> None:
    DemoDataMarker.objects.all().delete()
    public_data_changed()


def demo_notice(request) -> dict:
    """Context processor: ``demo_data`` is evaluated (one query) only when a page renders it."""
    return {"demo_data": SimpleLazyObject(lambda: DemoDataMarker.objects.exists())}
