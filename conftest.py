"""Fixtures shared by every test module: users for each role and departments."""

import os
import shutil

import pytest

# Browser tests drive Debian's Chromium through Playwright; its sync API runs an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Debian's Chromium (Playwright cannot download its own browser here); CHROMIUM overrides the path.
_CANDIDATES = [os.environ.get("CHROMIUM")] if "CHROMIUM" in os.environ else [shutil.which("chromium")]
CHROMIUM = next((path for path in _CANDIDATES if path and os.path.exists(path)), None)
BROWSER_FIXTURES = {"page", "browser", "context", "browser_context"}


def pytest_collection_modifyitems(config, items):
    """Without Chromium, browser tests are skipped and named (`-ra` lists them), never errors."""
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium): browser test skipped")
    for item in items:
        if item.get_closest_marker("browser") or BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached public pages outlive the rolled-back data."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's language: a test that switched to English must not leak it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def department(db):
    from accounts.models import Department

    return Department.objects.create(name="Відділ зв’язків з громадськістю", short_name="ВЗГ", email="pr@example.org")


@pytest.fixture
def other_department(db):
    from accounts.models import Department

    return Department.objects.create(name="Управління стратегічного розвитку", email="strategy@example.org")


def _make_user(username, role, department=None):
    from accounts.services import user_create_with_role

    return user_create_with_role(
        username=username, password="pass-Word-2019", role=role, email=f"{username}@example.org", department=department
    )


@pytest.fixture
def coordinator(db):
    from accounts import roles

    return _make_user("coord", roles.COORDINATOR)


@pytest.fixture
def department_head(department):
    from accounts import roles

    user = _make_user("head", roles.DEPARTMENT_HEAD, department)
    department.head = user
    department.save()
    return user


@pytest.fixture
def other_head(other_department):
    from accounts import roles

    return _make_user("other-head", roles.DEPARTMENT_HEAD, other_department)


@pytest.fixture
def council_member(db):
    from accounts import roles

    return _make_user("council", roles.COUNCIL)
