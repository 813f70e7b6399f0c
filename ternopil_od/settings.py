"""Settings for ternopil-od, driven by environment variables.

With no variables set except DJANGO_DEBUG=true the project runs on one machine:
SQLite and a file-system Celery broker under var/, e-mail to the console.
Production sets DATABASE_URL, CELERY_BROKER_URL, EMAIL_URL, DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS (see README.md for the full table).
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("DJANGO_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# A refused form (stale page, cookies off) gets the site's 403 page with the reason, not Django's English one.
CSRF_FAILURE_VIEW = "common.error_views.csrf_failure"
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
COUNCIL_NAME = env.str("COUNCIL_NAME", default="Тернопільська міська рада")
# DCAT-AP catalogue: the council's territory (dct:spatial; GeoNames: Ternopil), its bounding box
# and centre as WKT (lon lat), the catalogue's licence and first publication, datasets per page.
COUNCIL_SPATIAL_URI = env.str("COUNCIL_SPATIAL_URI", default="https://sws.geonames.org/691650/")
COUNCIL_SPATIAL_BBOX = env.str(
    "COUNCIL_SPATIAL_BBOX", default="POLYGON((25.52 49.51, 25.68 49.51, 25.68 49.60, 25.52 49.60, 25.52 49.51))"
)
COUNCIL_SPATIAL_CENTROID = env.str("COUNCIL_SPATIAL_CENTROID", default="POINT(25.5948 49.5535)")
CATALOG_LICENSE = env.str("CATALOG_LICENSE", default="CC-BY-4.0")
CATALOG_ISSUED = env.str("CATALOG_ISSUED", default="2019-01-01")
CATALOG_PAGE_SIZE = env.int("CATALOG_PAGE_SIZE", default=100)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.syndication",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "import_export",
    "simple_history",
    "axes",
    "common",
    "accounts",
    "plan",
    "registry",
    "audit",
    "feedback",
    "reminders",
    "reports",
    "portal",
    "workspace",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "common.csp.ContentSecurityPolicyMiddleware",
    "common.input_guard.BadInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "common.middleware.UkrainianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ternopil_od.urls"
WSGI_APPLICATION = "ternopil_od.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "common.context_processors.site",
                "portal.demo.demo_notice",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The one-machine set-up writes from the web process and the Celery worker at once:
    # WAL lets readers go on while one writes, IMMEDIATE + a timeout make writers wait, not fail.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://ternopil-od")}
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=300)

# --- Auth -------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = env.str("LOGIN_REDIRECT_URL", default="/workspace/")
LOGOUT_REDIRECT_URL = "/"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
# Lock a username only from the address that failed (a combination): nobody can lock a coordinator
# out from elsewhere by typing wrong passwords for their login.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Password reset e-mails per hour, per client address and per e-mail address (shared cache).
PASSWORD_RESET_PER_IP = env.int("PASSWORD_RESET_PER_IP", default=5)
PASSWORD_RESET_PER_EMAIL = env.int("PASSWORD_RESET_PER_EMAIL", default=3)
# Wrong API tokens per client address before its token requests get 429 for the rest of the window.
API_BAD_TOKENS_PER_WINDOW = env.int("API_BAD_TOKENS_PER_WINDOW", default=20)
API_BAD_TOKEN_WINDOW_SECONDS = env.int("API_BAD_TOKEN_WINDOW_SECONDS", default=600)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# --- Internationalisation ------------------------------------------------------
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="uk")
LANGUAGES = [("uk", _("Українська")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Kyiv")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ---------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
# Uploads (evidence files, reports) live outside the static files.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
# Registry files larger than this are checked and imported by the Celery worker, not in the request.
REGISTRY_IMPORT_INLINE_BYTES = env.int("REGISTRY_IMPORT_INLINE_BYTES", default=256 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- E-mail -------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="opendata@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)

# --- Celery -------------------------------------------------------------------
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    # A broker that needs no server: messages are files under var/broker/.
    for sub in ("queue", "processed", "control"):
        (BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
REMINDER_HOUR = env.int("REMINDER_HOUR", default=8)
REMINDER_MINUTE = env.int("REMINDER_MINUTE", default=0)
CELERY_BEAT_SCHEDULE: dict = {
    # Quality scores include "up to date", which changes with the calendar, not with writes.
    "registry-refresh-quality": {
        "task": "registry.tasks.refresh_quality",
        "schedule": crontab(hour=3, minute=30),
    },
}

# --- Public feedback (feedback app) ---------------------------------------------------
FEEDBACK_RATE_LIMIT_PER_HOUR = env.int("FEEDBACK_RATE_LIMIT_PER_HOUR", default=5)
FEEDBACK_UNANSWERED_DAYS = env.int("FEEDBACK_UNANSWERED_DAYS", default=10)
FEEDBACK_ERASE_AFTER_DAYS = env.int("FEEDBACK_ERASE_AFTER_DAYS", default=365)
FEEDBACK_VOTES_PER_IP = env.int("FEEDBACK_VOTES_PER_IP", default=3)
FEEDBACK_TRUSTED_PROXY_COUNT = env.int("FEEDBACK_TRUSTED_PROXY_COUNT", default=0)
CELERY_BEAT_SCHEDULE["feedback-erase-personal-data"] = {
    "task": "feedback.tasks.erase_personal_data",
    "schedule": 24 * 3600,
}

# --- Reminders (reminders/README.md) ------------------------------------------------
REMINDER_DUE_SOON_DAYS = env.int("REMINDER_DUE_SOON_DAYS", default=7)
REMINDER_ESCALATION_DAYS = env.int("REMINDER_ESCALATION_DAYS", default=14)
REMINDER_HEAD_ESCALATION_DAYS = env.int("REMINDER_HEAD_ESCALATION_DAYS", default=30)
# ISO weekday of the weekly escalation: 1 = Monday ... 7 = Sunday.
REMINDER_ESCALATION_WEEKDAY = env.int("REMINDER_ESCALATION_WEEKDAY", default=1)
REMINDER_QUARTER_END_DAYS = env.int("REMINDER_QUARTER_END_DAYS", default=14)
REMINDER_BATCH_SIZE = env.int("REMINDER_BATCH_SIZE", default=2000)
REMINDER_MAX_RETRIES = env.int("REMINDER_MAX_RETRIES", default=5)
REMINDER_RETRY_BACKOFF_MAX = env.int("REMINDER_RETRY_BACKOFF_MAX", default=3600)
# Unsent (pending or failed) digests of the last N days are tried again by each run.
REMINDER_RESEND_DAYS = env.int("REMINDER_RESEND_DAYS", default=7)
# Quarterly reporting round (issue 18; reminders/quarterly.py), part of the daily job:
# the report on a quarter is due on this day of the next quarter's first month,
REPORT_DEADLINE_DAY = env.int("REPORT_DEADLINE_DAY", default=10)
# a reminder goes this many days before that deadline,
REPORT_REMINDER_DAYS = env.int("REPORT_REMINDER_DAYS", default=3)
# and during the first N weeks of a quarter a new update reports on the quarter just ended by default.
REPORTING_GRACE_WEEKS = env.int("REPORTING_GRACE_WEEKS", default=4)
CELERY_BEAT_SCHEDULE["reminders-daily"] = {
    "task": "reminders.tasks.send_daily_reminders",
    "schedule": crontab(hour=REMINDER_HOUR, minute=REMINDER_MINUTE),
}
CELERY_BEAT_SCHEDULE["reminders-weekly-escalation"] = {
    "task": "reminders.tasks.send_weekly_escalation",
    "schedule": crontab(hour=REMINDER_HOUR, minute=REMINDER_MINUTE, day_of_week=REMINDER_ESCALATION_WEEKDAY % 7),
}

# --- Quarterly reports (reports app) -------------------------------------------------
# First day of each quarter: build the previous quarter's report once and e-mail it.
CELERY_BEAT_SCHEDULE["reports-quarterly"] = {
    "task": "reports.tasks.quarterly_report_scheduled",
    "schedule": crontab(day_of_month=1, month_of_year="1,4,7,10", hour=6, minute=0),
}

# --- REST framework ---------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: a missing or revoked token answers 401 with `WWW-Authenticate: Token`.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "common.api.authentication.ThrottledTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["common.api.permissions.ReadOnlyOrRolePermission"],
    # JSON with a nesting limit (deep JSON is a 400); forms and multipart as DRF's defaults.
    "DEFAULT_PARSER_CLASSES": [
        "common.api.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "common.filters.FilterBackend",  # an unknown related id filters to nothing
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "common.api.pagination.StandardPagination",
    "EXCEPTION_HANDLER": "common.api.exceptions.exception_handler",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "common.api.schema.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "common.api.throttling.AnonRateThrottle",
        "common.api.throttling.UserRateThrottle",
    ],
    # Proxies in front of the app whose X-Forwarded-For is trusted (0: use REMOTE_ADDR only).
    "NUM_PROXIES": env.int("API_TRUSTED_PROXY_COUNT", default=0),
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="120/min"),
        "user": env.str("API_THROTTLE_USER", default="600/min"),
    },
    "DATETIME_FORMAT": "iso-8601",
    "DATE_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ternopil-od API",
    "DESCRIPTION": "Відкритий API плану дій з відкритих даних та реєстру наборів даних.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "common.api.schema.drop_empty_format_defaults",
        "common.api.schema.request_string_patterns",
        "common.api.schema.integer_query_bounds",
    ],
    "ENUM_NAME_OVERRIDES": {
        "TaskStatusEnum": "plan.choices.TaskStatus",
        "PlanStatusEnum": "plan.choices.PlanStatus",
        "DatasetStatusEnum": "registry.choices.DatasetStatus",
        "FeedbackStatusEnum": "feedback.choices.FeedbackStatus",
        "FeedbackKindEnum": "feedback.choices.FeedbackKind",
        "FrequencyEnum": "registry.choices.Frequency",
    },
}
# Public read-only API may be called from browsers on other sites.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# --- Security (production) -------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("DJANGO_CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere (common/csp.py); tests/security/test_csp_browser.py fails on any violation.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Exceptions by path prefix, first match wins; scripts stay 'self' everywhere. Swagger UI needs none.
# ReDoc's renderer injects <style> elements and runs a blob: worker; DRF's browsable API pages (the
# rest of /api/v1/ in a browser) use inline style attributes and a <style> block for code colours.
_INLINE_STYLES = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
CONTENT_SECURITY_POLICY_ROUTES = {
    "/api/v1/docs/": CONTENT_SECURITY_POLICY,
    "/api/v1/redoc/": _INLINE_STYLES.replace("connect-src 'self'", "connect-src 'self'; worker-src 'self' blob:"),
    "/api/v1/": _INLINE_STYLES,
}
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Periodic jobs (Celery beat) are added to CELERY_BEAT_SCHEDULE above, one entry per job,
# each naming a task by its dotted name; times come from settings so they can be changed.

# --- Information audit (audit app) --------------------------------------------------------
# Deadline reminders 7 and 2 days before, to departments that have not submitted.
CELERY_BEAT_SCHEDULE["audit-deadline-reminders"] = {
    "task": "audit.tasks.send_deadline_reminders",
    "schedule": crontab(hour=REMINDER_HOUR, minute=REMINDER_MINUTE),
}
# Names of its status enums in the API schema (other apps also have a "status" field).
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {}).update(
    {
        "AuditCampaignStatusEnum": "audit.choices.CampaignStatus",
        "AuditResponseStatusEnum": "audit.choices.ResponseStatus",
    }
)

# --- Follow-ups that survive a broker outage (common/outbox.py) ---------------------------
# Pending follow-ups older than OUTBOX_SWEEP_AFTER_SECONDS are handed to the broker again by a
# beat job every OUTBOX_SWEEP_SECONDS; handed-over rows are deleted after OUTBOX_KEEP_DAYS.
OUTBOX_SWEEP_SECONDS = env.int("OUTBOX_SWEEP_SECONDS", default=60)
OUTBOX_SWEEP_AFTER_SECONDS = env.int("OUTBOX_SWEEP_AFTER_SECONDS", default=30)
OUTBOX_KEEP_DAYS = env.int("OUTBOX_KEEP_DAYS", default=7)
CELERY_BEAT_SCHEDULE["outbox-sweep"] = {
    "task": "common.tasks.outbox_sweep",
    "schedule": OUTBOX_SWEEP_SECONDS,
}

# --- DCAT catalogue (registry/catalog_cache.py) -----------------------------------------------
# Built once per change of the public data, kept as a file in the media storage; 0 turns it off.
CATALOG_CACHE_SECONDS = env.int("CATALOG_CACHE_SECONDS", default=7 * 24 * 3600)
# Registries up to this many published datasets are built in the request (a few seconds);
# larger ones by the Celery task registry.tasks.build_catalog.
CATALOG_INLINE_MAX_DATASETS = env.int("CATALOG_INLINE_MAX_DATASETS", default=1000)
# How long one build may take before another process may start one.
CATALOG_BUILD_SECONDS = env.int("CATALOG_BUILD_SECONDS", default=600)
CATALOG_CLIENT_MAX_AGE = env.int("CATALOG_CLIENT_MAX_AGE", default=300)
