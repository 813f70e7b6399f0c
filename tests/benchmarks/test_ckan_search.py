"""The CKAN search benchmark at a tiny scale: it runs, and its query counts do not grow with the data."""

import pytest

from benchmarks import ckan_search

pytestmark = pytest.mark.django_db


def test_query_counts_stay_the_same_when_the_registry_grows():
    ckan_search.generate(100, fresh=True)
    small = ckan_search.measure(repeats=1)
    ckan_search.generate(400, fresh=False)
    large = ckan_search.measure(repeats=1)
    assert large["published"] > small["published"] > 0
    # Calls that find something at both sizes make the same number of queries (an empty page skips
    # the organizations' query).
    both = [(s, la) for s, la in zip(small["rows"], large["rows"], strict=True) if s[1] and la[1]]
    assert len(both) >= 5
    assert [la[2] for s, la in both] == [s[2] for s, la in both]
    assert len(large["rows"]) == len(ckan_search.cases("x", "y", "z"))
    text = ckan_search.render([{"datasets": 240, "generate_s": 0.1, **large}], "plan", "test")
    assert text.startswith("## Issue 20: CKAN package_search") and "| q=бюджет |" in text
