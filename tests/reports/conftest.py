import io

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Reports are stored under a MEDIA_ROOT of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    from plan.demo import PLAN_TITLE
    from plan.models import ActionPlan

    return ActionPlan.objects.get(title=PLAN_TITLE)
