"""A real Redis broker for one test: started on a free loopback port, stopped and started again."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from django.utils.module_loading import import_string
from kombu import Connection

REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisBroker:
    def __init__(self, workdir: Path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.workdir = workdir
        self.pidfile = workdir / "redis.pid"

    def start(self) -> None:
        subprocess.run(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "yes", "--pidfile", str(self.pidfile), "--dir", str(self.workdir)],
            check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if not self.pidfile.exists():
            return
        pid = int(self.pidfile.read_text().strip())
        subprocess.run(["kill", str(pid)], check=False)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    time.sleep(0.05)
            except OSError:
                self.pidfile.unlink(missing_ok=True)
                return
        raise RuntimeError("redis-server did not stop")

    def queued(self) -> list[tuple[str, list]]:
        """Take every task message off the default queue: [(task name, args)]."""
        taken = []
        with Connection(self.url) as conn:
            queue = conn.SimpleQueue("celery")
            while True:
                try:
                    message = queue.get(block=False)
                except queue.Empty:
                    break
                args, _kwargs, _embed = message.decode()
                taken.append((message.headers["task"], list(args)))
                message.ack()
            queue.close()
        return taken

    def run_queued(self) -> list[tuple[str, list]]:
        """What a worker would do: run each queued task once, here in the test's process."""
        taken = self.queued()
        for name, args in taken:
            import_string(name).apply(args=args)
        return taken


def _reset_connections(app) -> None:
    # Drop the references only: kombu's global producer pools still hold the old connection pool
    # (closing it would break every later task sent through the restored broker, eager ones too).
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def celery_on(url: str):
    """Tasks go through the broker at ``url`` (not run eagerly) inside the block."""
    from ternopil_od.celery import app

    # Celery reads CELERY_BROKER_URL from the environment before its own setting (as CI sets it).
    saved_env = os.environ.get("CELERY_BROKER_URL")
    saved = app.conf.broker_url, app.conf.task_always_eager
    os.environ["CELERY_BROKER_URL"] = url
    app.conf.broker_url, app.conf.task_always_eager = url, False
    _reset_connections(app)
    try:
        yield app
    finally:
        if saved_env is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = saved_env
        app.conf.broker_url, app.conf.task_always_eager = saved
        _reset_connections(app)
