"""A printed /registry/ keeps every column on the paper, with status badges in ink (print media in
Chromium, then a real PDF read back with pdftotext)."""

import shutil
import subprocess

import pytest

from tests.registry.factories import DatasetFactory, DepartmentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRINTABLE_WIDTH = 718  # A4 (794 CSS px) less Chromium's default print margins
HEADERS = ["Назва", "Розпорядник", "Стан", "Періодичність", "Наступний термін", "Якість"]


@pytest.fixture
def registry(transactional_db):
    department = DepartmentFactory(
        name="Управління житлово-комунального господарства, благоустрою та екології Тернопільської міської ради"
    )
    for n in range(6):
        DatasetFactory(
            department=department,
            title=f"Перелік об’єктів комунальної власності, переданих в оренду, з адресами та площами {n} "
            "https://opendata.rada.te.ua/datasets/perelik-obyektiv-komunalnoyi-vlasnosti-v-orendi",
        )


def test_printed_registry_keeps_every_column(page, live_server, registry, tmp_path):
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    assert page.goto(f"{live_server.url}/registry/").status == 200
    layout = page.evaluate(
        """() => {
          const cells = [...document.querySelectorAll('main table th, main table td')];
          return {
            scrollWidth: document.documentElement.scrollWidth,
            columns: document.querySelectorAll('main table thead th').length,
            hidden: cells.filter(c => c.getBoundingClientRect().width === 0).length,
            rightmost: Math.max(...cells.map(c => c.getBoundingClientRect().right)),
            statusColor: getComputedStyle(document.querySelector('.status')).color,
            statusBackground: getComputedStyle(document.querySelector('.status')).backgroundColor,
          };
        }"""
    )
    assert layout["columns"] == len(HEADERS)
    assert layout["hidden"] == 0
    assert layout["rightmost"] <= PRINTABLE_WIDTH, layout
    assert layout["scrollWidth"] <= PRINTABLE_WIDTH, layout
    assert layout["statusColor"] == "rgb(0, 0, 0)"
    assert layout["statusBackground"] in ("rgba(0, 0, 0, 0)", "transparent")

    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed: the PDF half of the print check is skipped")
    pdf = tmp_path / "registry.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for word in " ".join(HEADERS).split():
        assert word in text, text  # whole words: no column squeezed to a few letters
    assert text.count("Оприлюднено") == 6 and text.count("Щомісяця") == 6, text
    assert text.count("/100") == 6  # the quality column of every row is on the paper
