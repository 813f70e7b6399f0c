"""Settings for the benchmarks: the real settings, as production runs them, with four changes.

* ``DEBUG`` off (no query log, no debug templates); plain static storage so that pages render
  without ``collectstatic``; no HTTPS redirect (the runs are on loopback).
* The database is ``DATABASE_URL`` when set (use a database of its own: the run EMPTIES it, and
  ``benchmarks.database.ensure_database`` refuses a name without "bench"), else
  ``var/bench.sqlite3`` (never the development database ``var/db.sqlite3``).
* The whole-page cache for anonymous visitors is off (``PUBLIC_PAGE_CACHE_SECONDS = 0``) so
  that the measurements are of rendering; ``BENCH_PAGE_CACHE_SECONDS`` turns it on for the
  one throughput figure that shows a cached page.
* The API's anonymous throttle is lifted (wrk sends thousands of requests from one address).
* ``ROOT_URLCONF`` is ``benchmarks.urls``: the real URLs plus a trivial view, the yardstick.
"""

import os
from pathlib import Path

_BASE = Path(__file__).resolve().parent.parent
os.environ["DJANGO_DEBUG"] = "false"
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("DJANGO_CSRF_COOKIE_SECURE", "false")
os.environ.setdefault("STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_BASE / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
os.environ.setdefault("EMAIL_URL", "consolemail://")

from ternopil_od.settings import *  # noqa: E402,F403

ROOT_URLCONF = "benchmarks.urls"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("BENCH_PAGE_CACHE_SECONDS", "0"))
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000000/min", "user": "1000000/min"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = False
# Anonymous 403s of staff-only API routes are expected in the query-count table.
LOGGING = {**LOGGING, "loggers": {**LOGGING["loggers"], "django.request": {"level": "ERROR"}}}  # noqa: F405
