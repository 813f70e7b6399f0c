"""A real Celery worker (subprocess) on the Redis broker of CELERY_BROKER_URL sends the reminders
to an SMTP sink (aiosmtpd) on 127.0.0.1; the first delivery to one recipient fails with a
temporary SMTP error and is retried by the worker with backoff."""

import datetime as dt
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from django.db import connection

from .factories import make_dataset

BROKER = os.environ.get("CELERY_BROKER_URL", "")
BASE_DIR = Path(__file__).resolve().parents[2]
MONDAY = dt.date(2026, 6, 8)

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not BROKER.startswith(("redis://", "rediss://")), reason="CELERY_BROKER_URL is not Redis"),
]


class Sink:
    """aiosmtpd handler keeping every message; answers 451 to the first message to ``flaky``."""

    def __init__(self, flaky: str):
        self.messages = []
        self.refused = []
        self.flaky = flaky

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.flaky in envelope.rcpt_tos and not self.refused:
            self.refused.append(envelope.rcpt_tos)
            return "451 4.3.0 Temporary failure, try again later"
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_sink():
    from aiosmtpd.controller import Controller

    sink = Sink(flaky="strategy@example.org")
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield sink, controller.port
    finally:
        controller.stop()


def worker_database(tmp_path) -> tuple[dict, Path | None]:
    """The database the worker must use: the test database itself (PostgreSQL, file SQLite), or a
    file copy of an in-memory SQLite test database."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        path = tmp_path / "worker.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return {"NAME": str(path), "TEST": {}}, path
    return {key: settings_dict[key] for key in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT")}, None


def start_worker(*, queue: str, smtp_port: int, database: dict, log_file: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.reminders.worker_settings",
        "REMINDERS_WORKER_DB": json.dumps(database, default=str),
        "REMINDERS_WORKER_QUEUE": queue,
        "REMINDERS_SMTP_PORT": str(smtp_port),
        "CELERY_BROKER_URL": BROKER,
    }
    command = [
        sys.executable, "-m", "celery", "-A", "ternopil_od", "worker", "--pool=solo", "-Q", queue,
        "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"{queue}@%h",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log_file.open("wb"), stderr=subprocess.STDOUT)


def stop_worker(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def wait_for(condition, *, timeout: float, what: str, log_file: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}; worker log:\n{log_file.read_text(errors='replace')[-4000:]}")


@pytest.mark.django_db(transaction=True)
@pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")
def test_worker_sends_reminders_through_smtp(tmp_path, smtp_sink, department, other_department, coordinator):
    from ternopil_od.celery import app

    sink, port = smtp_sink
    make_dataset(department, MONDAY - dt.timedelta(days=20), title="Давно прострочений набір")
    make_dataset(other_department, MONDAY, title="Набір з терміном сьогодні")
    database, sqlite_copy = worker_database(tmp_path)
    queue = f"reminders-test-{uuid.uuid4().hex[:12]}"
    log_file = tmp_path / "worker.log"
    worker = start_worker(queue=queue, smtp_port=port, database=database, log_file=log_file)
    try:
        app.send_task("reminders.tasks.send_reminders_for_date", kwargs={"date": MONDAY.isoformat()}, queue=queue)
        wait_for(lambda: len(sink.messages) >= 3, timeout=90, what="three e-mails", log_file=log_file)

        def states():
            if sqlite_copy is None:
                from reminders.models import ReminderLog

                return list(ReminderLog.objects.order_by("recipient").values_list("recipient", "state", "attempts"))
            with sqlite3.connect(sqlite_copy) as db:
                return db.execute(
                    "SELECT recipient, state, attempts FROM reminders_reminderlog ORDER BY recipient"
                ).fetchall()

        wait_for(
            lambda: [s for _, s, _ in states()] == ["sent"] * 3, timeout=30, what="log rows sent", log_file=log_file
        )
    finally:
        stop_worker(worker)
        with app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)

    assert worker.returncode is not None
    assert states() == [
        ("coord@example.org", "sent", 1),
        ("pr@example.org", "sent", 1),
        ("strategy@example.org", "sent", 2),  # the 451 was retried by the worker
    ]
    assert sink.refused == [["strategy@example.org"]]
    received = {tuple(rcpt): message for rcpt, message in sink.messages}
    assert set(received) == {("pr@example.org",), ("strategy@example.org",), ("coord@example.org",)}
    digest = received[("pr@example.org",)]
    assert str(digest["Subject"]).strip().startswith("Тернопільська міська рада: ")
    text = digest.get_body(("plain",)).get_content()
    html = digest.get_body(("html",)).get_content()
    assert "Давно прострочений набір" in text and "днів прострочення: 20" in text
    assert "https://opendata.example.org/registry/" in html and "/mark-updated/" in html
    assert "Набір з терміном сьогодні" in received[("strategy@example.org",)].get_body(("plain",)).get_content()
    escalation = received[("coord@example.org",)].get_body(("plain",)).get_content()
    assert "Відділ зв’язків з громадськістю (1):" in escalation
