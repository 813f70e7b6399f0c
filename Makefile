# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install env run serve worker beat test test-fast lint format bench messages clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# A local .env (not committed) with a generated secret key and debug on for this machine.
.env:
	@echo "DJANGO_DEBUG=true" > .env
	@echo "DJANGO_SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" >> .env
	@echo "Created .env for local development."

env: .env

run: install .env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compilemessages --ignore=.venv >/dev/null
	$(PY) manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/ with a Celery worker and beat (Ctrl+C stops all)."
	@trap 'kill 0' INT TERM EXIT; \
	$(VENV)/bin/celery -A ternopil_od worker -B --loglevel=INFO --concurrency=2 & \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: install .env
	$(VENV)/bin/celery -A ternopil_od worker --loglevel=INFO

beat: install .env
	$(VENV)/bin/celery -A ternopil_od beat --loglevel=INFO

test: install
	$(PY) manage.py compilemessages --ignore=.venv >/dev/null 2>&1 || true
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install .env
	$(PY) -m benchmarks.run

# Rebuild the English catalogue from scratch (no fuzzy guesses), fill it from scripts/en/*.py.
messages: install .env
	rm -f locale/en/LC_MESSAGES/django.po
	$(PY) manage.py makemessages -l en --no-wrap --ignore=.venv --ignore=var --ignore=tests
	$(PY) scripts/fill_en.py
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf var/broker var/test-media .pytest_cache
