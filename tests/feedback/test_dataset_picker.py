"""The feedback form's dataset field: no list of every dataset, suggestions from the server,
and without JavaScript a typed slug or title is resolved (or refused in Ukrainian)."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from feedback.models import FeedbackItem

from .factories import make_dataset
from .test_submit import URL, form_data

SEARCH = "/feedback/datasets/"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def many_datasets(department):
    return [make_dataset(department, title=f"Бюджет міста {n:02d}", slug=f"biudzhet-{n:02d}") for n in range(30)]


@pytest.mark.django_db
def test_form_renders_no_dataset_options(client, many_datasets):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(URL).content.decode()
    assert "Бюджет міста" not in html and '<select name="dataset"' not in html
    assert re.search(r'<input[^>]+name="dataset"[^>]+list="dataset-options"', html)
    assert '<datalist id="dataset-options"></datalist>' in html
    assert 'data-dataset-search="/feedback/datasets/"' in html
    assert "js/dataset-picker.js" in html and "<script>" not in html  # a file: the CSP allows no inline script
    assert not any("registry_dataset" in q["sql"] for q in queries.captured_queries)


@pytest.mark.django_db
def test_search_returns_at_most_20_matches(client, many_datasets, department):
    make_dataset(department, title="Реєстр пам’яток", slug="pamiatky")
    body = client.get(SEARCH, {"q": "бюджет"}).json()
    assert len(body["results"]) == 20
    assert body["results"][0] == {"slug": "biudzhet-00", "title": "Бюджет міста 00"}
    assert client.get(SEARCH, {"q": "pamia"}).json()["results"] == [{"slug": "pamiatky", "title": "Реєстр пам’яток"}]
    assert client.get(SEARCH, {"q": "б"}).json()["results"] == []  # too short to search
    assert client.get(SEARCH, {"q": "немає такого"}).json()["results"] == []
    assert client.get(SEARCH).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    ["biudzhet-07", "  BIUDZHET-07 ", "Бюджет міста 07", "бюджет міста 07", "Бюджет міста 07 (biudzhet-07)"],
)
def test_typed_slug_or_title_resolves_without_javascript(client, many_datasets, typed):
    response = client.post(URL, form_data(dataset=typed))
    assert response.status_code == 302, response.context["form"].errors
    assert FeedbackItem.objects.get().dataset == many_datasets[7]


@pytest.mark.django_db
def test_ambiguous_title_is_refused_in_ukrainian(client, department):
    make_dataset(department, title="Зупинки транспорту", slug="zupynky-1")
    make_dataset(department, title="Зупинки транспорту", slug="zupynky-2")
    response = client.post(URL, form_data(dataset="Зупинки транспорту"))
    assert response.status_code == 400
    assert "Кілька наборів мають назву «Зупинки транспорту»" in response.content.decode()
    assert not FeedbackItem.objects.exists()
    # The slug tells them apart.
    assert client.post(URL, form_data(dataset="zupynky-2")).status_code == 302
    assert FeedbackItem.objects.get().dataset.slug == "zupynky-2"


@pytest.mark.django_db
def test_unknown_dataset_is_refused_and_the_text_kept(client, many_datasets):
    response = client.post(URL, form_data(dataset="Реєстр котів"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Набір даних «Реєстр котів» не знайдено" in html
    assert 'value="Реєстр котів"' in html  # what was typed stays in the field
    assert not FeedbackItem.objects.exists()


@pytest.mark.django_db
def test_empty_dataset_means_none(client, many_datasets):
    assert client.post(URL, form_data(dataset="  ")).status_code == 302
    assert FeedbackItem.objects.get().dataset is None


@pytest.mark.browser
def test_suggestions_fill_as_you_type(page, live_server, transactional_db, department):
    cache.clear()
    for n in range(25):
        make_dataset(department, title=f"Бюджет міста {n:02d}", slug=f"biudzhet-{n:02d}")
    page.goto(f"{live_server.url}{URL}")
    page.get_by_label("Набір даних, якого стосується (необов’язково)").press_sequentially("бюдж")
    options = page.locator("#dataset-options option")
    options.nth(19).wait_for(state="attached")
    assert options.count() == 20
    assert options.first.get_attribute("value") == "Бюджет міста 00 (biudzhet-00)"


@pytest.mark.django_db
def test_moderation_picks_the_fulfilling_dataset_by_typing(client, coordinator, many_datasets):
    from feedback.choices import FeedbackStatus

    from .factories import published

    item = published(coordinator)
    client.force_login(coordinator)
    html = client.get(f"/feedback/moderation/{item.pk}/").content.decode()
    assert "Бюджет міста" not in html and '<datalist id="dataset-options"></datalist>' in html
    url = f"/feedback/moderation/{item.pk}/"
    refused = client.post(url, {"status": "fulfilled", "fulfilled_dataset": "Реєстр котів"})
    assert refused.status_code == 400 and "Набір даних «Реєстр котів» не знайдено" in refused.content.decode()
    response = client.post(url, {"status": "fulfilled", "public_answer": "Готово.", "fulfilled_dataset": "biudzhet-03"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.fulfilled_dataset) == (FeedbackStatus.FULFILLED, many_datasets[3])
    # The form shows the chosen dataset the way a suggestion fills it in.
    assert 'value="Бюджет міста 03 (biudzhet-03)"' in client.get(url).content.decode()
