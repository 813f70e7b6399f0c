"""Ukrainian numbers agree with their nouns: 1 набір, 2 набори, 5 наборів, 11 наборів, 21 набір, 22 набори.

The Ukrainian texts are msgids, so the one/few/many forms come from locale/uk (see its header)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Template
from django.template.context import Context
from django.utils import translation

from registry.models import RequiredDataset
from tests.registry.factories import DatasetFactory, DepartmentFactory

COUNTS = (1, 2, 5, 11, 21, 22)
ONE, FEW, MANY = 0, 1, 2
FORM_OF = {1: ONE, 2: FEW, 5: MANY, 11: MANY, 21: ONE, 22: FEW}

# template, its counted message ("one" msgid, "many" msgid_plural), the three Ukrainian forms.
COUNTED = [
    (
        "registry/checklist.html",
        "обов’язковий набір",
        "обов’язкових наборів",
        ("обов’язковий набір", "обов’язкові набори", "обов’язкових наборів"),
    ),
    (
        "audit/results.html",
        "підрозділ подав анкету",
        "підрозділів подали анкети",
        ("підрозділ подав анкету", "підрозділи подали анкети", "підрозділів подали анкети"),
    ),
    (
        "audit/results.html",
        "ресурс виявлено",
        "ресурсів виявлено",
        ("ресурс виявлено", "ресурси виявлено", "ресурсів виявлено"),
    ),
    (
        "audit/campaign_dashboard.html",
        "ресурс виявлено",
        "ресурсів виявлено",
        ("ресурс виявлено", "ресурси виявлено", "ресурсів виявлено"),
    ),
    (
        "registry/dataset_list.html",
        "Знайдено {{ counter }} набір.",
        "Знайдено {{ counter }} наборів.",
        ("Знайдено {{ counter }} набір.", "Знайдено {{ counter }} набори.", "Знайдено {{ counter }} наборів."),
    ),
    (
        "portal/home.html",
        "{{ done }} з {{ total }} завдання",
        "{{ done }} з {{ total }} завдань",
        ("{{ done }} з {{ total }} завдання", "{{ done }} з {{ total }} завдань", "{{ done }} з {{ total }} завдань"),
    ),
    (
        "plan/task_detail.html",
        "{{ counter }} звіт очікує перевірки головним виконавцем або координатором; "
        "стан завдання зміниться після його прийняття.",
        "{{ counter }} звіти очікують перевірки головним виконавцем або координатором; "
        "стан завдання зміниться після їх прийняття.",
        (
            "{{ counter }} звіт очікує перевірки",
            "{{ counter }} звіти очікують перевірки",
            "{{ counter }} звітів очікують перевірки",
        ),
    ),
    (
        "feedback/moderation_queue.html",
        "Позначка «без відповіді понад {{ days }} дн.» — відкриті звернення без жодної відповіді, "
        "старші за {{ days }} день.",
        "Позначка «без відповіді понад {{ days }} дн.» — відкриті звернення без жодної відповіді, "
        "старші за {{ days }} днів.",
        ("старші за {{ days }} день.", "старші за {{ days }} дні.", "старші за {{ days }} днів."),
    ),
]


def _block(template_name):
    """The template's own counted block, so a test fails when the template's wording drifts from locale/uk."""
    source = (Path(settings.BASE_DIR) / "templates" / template_name).read_text(encoding="utf-8")
    return re.findall(r"\{% blocktranslate [^%]*count [^%]*%\}.*?\{% endblocktranslate %\}", source)


@pytest.mark.parametrize(
    ("template_name", "one", "many", "forms"), COUNTED, ids=[f"{c[0]}-{i}" for i, c in enumerate(COUNTED)]
)
def test_each_counted_noun_takes_the_ukrainian_form(template_name, one, many, forms):
    blocks = [b for b in _block(template_name) if f"%}}{one}{{% plural %}}{many}{{%" in b]
    assert len(blocks) == 1, f"{template_name} has no counted block «{one}» / «{many}»"
    # Render the template's own block with every variable of the message bound to the count.
    names = set(re.findall(r"\{\{ (\w+) \}\}", one + many)) | set(re.findall(r"count (\w+)=", blocks[0]))
    block = re.sub(r"(with|count) (\w+)=[^ %]+", lambda m: f"{m[1]} {m[2]}={m[2]}_value", blocks[0])
    template = Template("{% load i18n %}" + block)
    with translation.override("uk"):
        for n in COUNTS:
            text = template.render(Context({f"{name}_value": n for name in names}))
            expected = forms[FORM_OF[n]]
            for name in names:
                expected = expected.replace("{{ " + name + " }}", str(n))
            assert expected in text, (n, text)


def test_checklist_page_counts_required_datasets(client, db):
    added = 0
    for n in COUNTS:
        RequiredDataset.objects.bulk_create(
            RequiredDataset(title=f"Набір {i}", applies_to="all_holders", position=i) for i in range(added, n)
        )
        added = n
        html = client.get("/registry/835/").content.decode()
        expected = ("обов’язковий набір", "обов’язкові набори", "обов’язкових наборів")[FORM_OF[n]]
        assert re.search(rf'<span class="figure">{n}</span> {expected}</div>', html), n


def test_registry_list_counts_found_datasets_in_both_languages(client, db):
    department, added = DepartmentFactory(), 0
    for n in COUNTS:
        DatasetFactory.create_batch(n - added, department=department)
        added = n
        client.cookies.pop("django_language", None)
        uk = client.get("/registry/").content.decode()
        assert f"Знайдено {n} {('набір', 'набори', 'наборів')[FORM_OF[n]]}." in uk
        client.cookies["django_language"] = "en"
        en = client.get("/registry/").content.decode()
        assert f"{n} {'dataset' if n == 1 else 'datasets'} found." in en


@pytest.mark.parametrize(("size", "expected"), [(73216, "71,5 КБ"), (3 * 1024 * 1024, "3,0 МБ"), (2, "2 байти")])
def test_file_sizes_use_the_standard_abbreviations(size, expected):
    with translation.override("uk"):
        assert Template("{{ size|filesizeformat }}").render(Context({"size": size})).replace("\xa0", " ") == expected
