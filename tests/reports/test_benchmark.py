"""The report benchmark at a tiny scale: it measures, and removes the plan it built."""

from benchmarks.report import run
from plan.models import ActionPlan, Task


def test_benchmark_builds_measures_and_cleans_up(db):
    figures = run(build_tasks=24, trace=False)
    assert figures["tasks"] == 24
    assert figures["pages"] >= 8 and figures["pdf_bytes"] > 10_000
    assert figures["total_seconds"] > 0 and figures["maxrss_mb"] > 0
    assert figures["queries"] < 60
    assert not ActionPlan.objects.exists() and not Task.objects.exists()
