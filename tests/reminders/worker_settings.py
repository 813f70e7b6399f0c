"""Settings of the Celery worker started by test_integration.py: the test settings, with the test
process's database (passed as JSON), a real broker, and SMTP to the local sink."""

import json
import os

from ternopil_od.test_settings import *  # noqa: F403

DATABASES = {"default": {**DATABASES["default"], **json.loads(os.environ["REMINDERS_WORKER_DB"])}}  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_DEFAULT_QUEUE = os.environ["REMINDERS_WORKER_QUEUE"]
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["REMINDERS_SMTP_PORT"])
EMAIL_HOST_USER = ""
EMAIL_HOST_PASSWORD = ""
EMAIL_USE_TLS = False
EMAIL_USE_SSL = False
EMAIL_TIMEOUT = 10
SITE_URL = "https://opendata.example.org"
