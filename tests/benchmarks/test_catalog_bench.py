"""benchmarks/catalog.py at a tiny scale, so that it cannot rot (the real run: 1,000 and 100,000)."""

import pytest

from benchmarks.catalog import add_datasets, measure


@pytest.mark.django_db
def test_catalog_benchmark_measures_requests_after_the_first(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ROOT_URLCONF = "benchmarks.urls"
    add_datasets(12)
    add_datasets(20)  # grows to 20, as the run grows from one scale to the next
    from registry.models import Dataset

    assert Dataset.objects.count() == 20
    row = measure("/registry/catalog.ttl", repeat=3)
    assert row["queries_after_first"] == 0 and row["bytes"] > 1000
    assert row["view_ms"] > 0 and row["view_x_trivial"] > 0 and row["repeat"] == 3
