"""Throughput under gunicorn with concurrent clients (wrk), as a ratio to the trivial view.

gunicorn (2 workers, ``benchmarks.settings``) is started on a free port of 127.0.0.1, wrk
runs for a bounded time against each path in turn, and the server is stopped by its own PID.
Client and server share the machine's cores, so the figures are a lower bound of what the
server alone would do; the ratio to the trivial view, measured the same way, is what travels.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .urls import TRIVIAL_PATH

BASE_DIR = Path(__file__).resolve().parent.parent
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass
class WrkResult:
    path: str
    requests_per_second: float | None
    latency_p50_ms: float | None
    latency_p99_ms: float | None
    requests: int | None
    errors: int
    non_2xx: int
    ratio: float | None = None
    note: str = ""


def _ms(text: str) -> float | None:
    match = re.match(r"([\d.]+)(us|ms|s|m)$", text.strip())
    return round(float(match.group(1)) * UNITS[match.group(2)], 3) if match else None


def parse_wrk(path: str, output: str) -> WrkResult:
    """Read wrk's text output (run with --latency)."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return WrkResult(
        path=path,
        requests_per_second=float(rps.group(1)) if rps else None,
        latency_p50_ms=_ms(p50.group(1)) if p50 else None,
        latency_p99_ms=_ms(p99.group(1)) if p99 else None,
        requests=int(total.group(1)) if total else None,
        errors=sum(int(x) for x in socket_errors.groups()) if socket_errors else 0,
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
    )


def ensure_wrk() -> str | None:
    """Path of wrk; installs Debian's package when it is missing and we are root."""
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, env=env, capture_output=True)
    return shutil.which("wrk")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn_server(*, workers: int = 2, env: dict | None = None, timeout: float = 60):
    """A gunicorn serving ``benchmarks.settings`` on 127.0.0.1:<free port>; yields the base URL."""
    port = free_port()
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings", **(env or {})}
    command = [
        sys.executable, "-m", "gunicorn", "ternopil_od.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning",
        "--access-logfile", "/dev/null", "--timeout", "120",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=BASE_DIR, env=environment)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with code {process.returncode}")
            try:
                with urllib.request.urlopen(base + TRIVIAL_PATH, timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer in time")
            time.sleep(0.3)
        yield base
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # the master stops its workers
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def warm(base: str, path: str, n: int = 10) -> int:
    status = 0
    for _ in range(n):
        with urllib.request.urlopen(base + path, timeout=60) as response:  # noqa: S310
            response.read()
            status = response.status
    return status


def run_wrk(wrk: str, base: str, path: str, *, seconds: int, connections: int, threads: int = 1) -> WrkResult:
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency", base + path]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    result = parse_wrk(path, completed.stdout)
    if completed.returncode != 0:
        result.note = completed.stderr.strip()[:200]
    return result


def _wrk_version(wrk: str) -> str:
    completed = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)  # noqa: S603
    text = (completed.stdout + completed.stderr).strip().split("\n")[0]
    return text.split(" Copyright")[0] or "wrk"


def measure(
    paths: list[str], *, seconds: int = 10, connections: int = 8, workers: int = 2, cached_paths=("/",)
) -> dict:
    """Throughput of each path, each right after the trivial view on the same gunicorn (the pair's
    ratio is the figure: other work on the machine weighs on both alike); then ``cached_paths``
    the same way on a second gunicorn with the anonymous page cache on."""
    wrk = ensure_wrk()
    if wrk is None:
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    rows = []

    def pairs(base, targets, note=""):
        for path in targets:
            try:
                warm(base, TRIVIAL_PATH)
                warm(base, path)
            except OSError as exc:
                rows.append(WrkResult(path, None, None, None, None, 0, 0, note=f"{exc}"[:200]))
                continue
            trivial = run_wrk(wrk, base, TRIVIAL_PATH, seconds=seconds, connections=connections)
            trivial.note = f"paired with {path}" + (f", {note}" if note else "")
            result = run_wrk(wrk, base, path, seconds=seconds, connections=connections)
            result.note = note
            if trivial.requests_per_second and result.requests_per_second:
                trivial.ratio = 1.0
                result.ratio = round(trivial.requests_per_second / result.requests_per_second, 1)
            rows.extend([trivial, result])

    with gunicorn_server(workers=workers) as base:
        pairs(base, paths)
    if cached_paths:
        with gunicorn_server(workers=workers, env={"BENCH_PAGE_CACHE_SECONDS": "300"}) as base:
            pairs(base, cached_paths, "page cache on")
    return {
        "seconds": seconds,
        "connections": connections,
        "workers": workers,
        "wrk": _wrk_version(wrk),
        "rows": rows,
    }
