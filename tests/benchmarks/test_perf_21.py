"""benchmarks/perf_21.py at a tiny scale, so that it cannot rot (the real run is in BENCHMARKS.md)."""

import pytest

from benchmarks import perf_21
from benchmarks.generate import SCALES, generate
from feedback.models import FeedbackItem, Vote


@pytest.mark.django_db
def test_perf_21_measures_and_renders():
    generate(SCALES["tiny"])
    # The generator's bulk votes go through the recount: stored counts match the votes.
    stored = sum(FeedbackItem.objects.values_list("vote_count", flat=True))
    assert stored == Vote.objects.count() == SCALES["tiny"].votes
    trivial_ms, rows = perf_21.time_pages(repeats=1)
    assert trivial_ms > 0
    assert {row["path"] for row in rows} >= {"/requests/", "/", "/feedback/new/"}
    assert all(row["status"] == 200 and row["queries"] > 0 for row in rows)
    text = perf_21.render(SCALES["tiny"], 1.0, trivial_ms, rows, perf_21.query_times(), "test")
    assert text.startswith("## Issue 21 (part): requests list and home page")
    assert "| `/requests/` |" in text and "GROUP BY every vote" in text
