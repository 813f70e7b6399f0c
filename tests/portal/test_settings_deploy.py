"""Production settings: `check --deploy` is clean, a missing secret key stops start-up."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ternopil_od.settings",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k3Y-for-the-deploy-check-9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1",
    "DJANGO_ALLOWED_HOSTS": "opendata.example.org",
    "DATABASE_URL": "sqlite:////tmp/ternopil-od-deploy-check.sqlite3",
    "EMAIL_URL": "smtp://mailer:secret@mail.example.org:587",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "CACHE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_warnings_with_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr + result.stdout


def test_missing_secret_key_with_debug_off_stops_start_up_with_a_clear_message():
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_check_deploy_warns_when_the_limits_would_be_counted_per_process():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "CACHE_URL"}
    result = _manage("check", "--deploy", env=env)
    assert "common.W001" in result.stderr + result.stdout
    assert "FEEDBACK_RATE_LIMIT_PER_HOUR" in result.stderr + result.stdout


def test_the_readme_production_recipe_sets_a_shared_cache():
    readme = (ROOT / "README.md").read_text()
    recipe = readme.split("## Production", 1)[1].split("```", 2)[1]
    assert "CACHE_URL=redis://" in recipe
