"""The SVG charts: valid XML, text alternatives, bars and percentages, escaping, today's column."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from common.charts import BarRow, GanttRow, gantt_timeline, percentages, progress_bar, progress_bars, wrap_label
from common.quarters import Quarter

SVG = "{http://www.w3.org/2000/svg}"
STATUSES = [
    ("not_started", "Не розпочато"),
    ("limited", "Обмежений прогрес"),
    ("substantial", "Суттєвий прогрес"),
    ("completed", "Виконано"),
    ("cancelled", "Скасовано"),
]
LONG = "Забезпечити оприлюднення наборів даних у машиночитаному форматі на Єдиному державному веб-порталі"


def parse(svg):
    root = ET.fromstring(str(svg))  # noqa: S314 - our own output
    assert root.tag == f"{SVG}svg"
    return root


def by_class(root, name):
    return [el for el in root.iter() if name in (el.get("class") or "").split()]


def assert_text_alternative(root):
    title_id, desc_id = root.get("aria-labelledby").split()
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert ids[title_id].tag == f"{SVG}title" and ids[title_id].text.strip()
    assert ids[desc_id].tag == f"{SVG}desc" and ids[desc_id].text.strip()
    return ids[title_id].text, ids[desc_id].text


def test_percentages_add_up_to_100_by_largest_remainder():
    assert percentages([1, 1, 1]) == [34, 33, 33]
    assert percentages([4, 3, 3]) == [40, 30, 30]
    assert percentages([2, 0, 1]) == [67, 0, 33]
    assert percentages([0, 0]) == [0, 0]
    assert sum(percentages([7, 11, 13, 17, 19])) == 100


def test_long_labels_wrap_into_two_lines_and_are_cut_with_an_ellipsis():
    lines = wrap_label(LONG, max_chars=30)
    assert len(lines) == 2 and all(len(line) <= 30 for line in lines)
    assert lines[1].endswith("…")
    assert wrap_label("Коротка назва", max_chars=30) == ["Коротка назва"]


def test_progress_bars_draw_one_bar_per_row_with_segments_and_percentages():
    svg = progress_bars(
        [
            BarRow("Відкритість за замовчуванням", {"completed": 4, "limited": 3, "not_started": 3}),
            ("Своєчасність і повнота", {"substantial": 1, "cancelled": 2}),
            ("Без завдань", {}),
        ],
        statuses=STATUSES,
        title="Виконання за принципами",
    )
    root = parse(svg)
    title, desc = assert_text_alternative(root)
    assert root.get("role") == "img" and title == "Виконання за принципами"
    rows = by_class(root, "bar-row")
    assert len(rows) == 3
    first = by_class(rows[0], "bar-segment")
    assert [(s.get("data-status"), s.get("data-count")) for s in first] == [
        ("not_started", "3"),
        ("limited", "3"),
        ("completed", "4"),
    ]
    widths = [float(s.get("width")) for s in first]
    assert widths[2] == pytest.approx(widths[0] * 4 / 3, rel=0.01)
    assert [t.text for t in by_class(rows[0], "bar-percent")] == ["30\u00a0%", "30\u00a0%", "40\u00a0%"]
    assert [t.text for t in by_class(rows[1], "bar-percent")] == ["33\u00a0%", "67\u00a0%"]
    assert by_class(rows[2], "bar-segment") == [] and by_class(rows[2], "bar-total")[0].text == "0"
    # Figures in text: the description and each bar's title, so colour is not the only carrier.
    assert "Виконано: 4 (40\u00a0%)" in desc and "Скасовано: 2 (67\u00a0%)" in desc
    assert "Обмежений прогрес: 3 (30\u00a0%)" in rows[0].find(f"{SVG}title").text
    legend = [t.text for t in by_class(root, "legend")[0].iter(f"{SVG}text")]
    assert legend == [label for _, label in STATUSES]
    # Each status has its own pattern, so the chart reads in black and white.
    fills = {s.get("data-status"): s.get("fill") for s in by_class(root, "bar-segment")}
    assert len(set(fills.values())) == len(fills) == 5
    patterns = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert fills["completed"] == "#15803d"  # the one solid fill
    assert {fill[5:-1] for status, fill in fills.items() if status != "completed"} <= patterns


def test_unknown_statuses_get_a_fallback_style_and_long_labels_keep_full_text_in_title():
    statuses = [("on_time", "Вчасно"), ("overdue", "Прострочено")]
    svg = progress_bars([(LONG, {"on_time": 5, "overdue": 5})], statuses=statuses, title="Оновлення")
    root = parse(svg)
    row = by_class(root, "bar-row")[0]
    assert row.find(f"{SVG}title").text.startswith(LONG)
    shown = "".join(row.find(f"{SVG}text").itertext())
    assert shown.endswith("…") and len(shown) < len(LONG)


def test_text_is_escaped_everywhere():
    evil = '<script>alert("x")</script> & Co'
    svgs = [
        progress_bars([(evil, {"completed": 1})], statuses=[("completed", evil)], title=evil, description=evil),
        progress_bar(done=1, total=2, title=evil, label=evil),
        gantt_timeline(
            [(evil, '/plan/tasks/1/?a=1&b="2"', "completed", [(Quarter(2019, 1), Quarter(2019, 2))])],
            start=Quarter(2019, 1),
            end=Quarter(2019, 4),
            today=Quarter(2019, 2),
            statuses=[("completed", evil)],
            title=evil,
            description=evil,
        ),
    ]
    for svg in svgs:
        assert "<script>" not in svg and "&lt;script&gt;" in svg
        root = parse(svg)  # still well-formed, and the text reads back unchanged
        assert evil in root.find(f"{SVG}title").text
        assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
    link = next(parse(svgs[2]).iter(f"{SVG}a"))
    assert link.get("href") == '/plan/tasks/1/?a=1&b="2"'


def test_single_progress_bar_shows_share_and_counts():
    root = parse(progress_bar(done=4, total=10, title="Виконання плану", label="План дій 2019–2020"))
    title, desc = assert_text_alternative(root)
    assert desc == "План дій 2019–2020: 40\u00a0% (4 з 10)"
    track, fill = by_class(root, "bar-track")[0], by_class(root, "bar-fill")[0]
    assert float(fill.get("width")) == pytest.approx((float(track.get("width")) + 1) * 0.4 - 1, abs=0.02)
    assert by_class(root, "bar-percent")[0].text == "40\u00a0% (4 з 10)"
    empty = parse(progress_bar(done=0, total=0, title="Порожньо"))
    assert by_class(empty, "bar-percent")[0].text == "0\u00a0% (0 з 0)"
    assert float(by_class(empty, "bar-fill")[0].get("width")) == 0


def gantt(**kwargs):
    rows = [
        GanttRow(LONG, "/plan/tasks/1/", "completed", [(Quarter(2019, 3), Quarter(2019, 4))]),
        GanttRow("Друге завдання", "/plan/tasks/2/", "limited", [(Quarter(2019, 4), Quarter(2020, 4))]),
        GanttRow(
            "Третє завдання",
            "",
            "not_started",
            [(Quarter(2020, 1), Quarter(2020, 1)), (Quarter(2020, 3), Quarter(2022, 2))],
        ),
    ]
    options = {
        "start": Quarter(2019, 3),
        "end": Quarter(2020, 4),
        "today": Quarter(2020, 2),
        "statuses": STATUSES,
        "title": "Графік виконання плану",
        "column_width": 30,
        "label_width": 200,
    }
    return parse(gantt_timeline(rows, **{**options, **kwargs}))


def test_gantt_draws_rows_bars_axis_and_text_alternatives():
    root = gantt()
    title, desc = assert_text_alternative(root)
    assert title == "Графік виконання плану"
    assert "2019Q3–2020Q4" in desc and "II квартал 2020 року" in desc and "Завдань: 3" in desc
    rows = by_class(root, "gantt-row")
    assert [r.get("data-status") for r in rows] == ["completed", "limited", "not_started"]
    assert len(by_class(root, "gantt-bar")) == 4
    assert [q.get("data-quarter") for q in by_class(root, "quarter")] == [
        "2019Q3", "2019Q4", "2020Q1", "2020Q2", "2020Q3", "2020Q4"
    ]  # fmt: skip
    # A span running past the axis is clipped to it.
    last = by_class(rows[2], "gantt-bar")[-1]
    assert (last.get("data-start"), last.get("data-end")) == ("2020Q3", "2020Q4")
    assert float(last.get("x")) == 200 + 4 * 30 + 2 and float(last.get("width")) == 2 * 30 - 4
    # The long label is cut on screen, whole in the row's title and in the link's name.
    assert rows[0].find(f"{SVG}title").text.startswith(LONG)
    link = rows[0].find(f"{SVG}a")
    assert link.get("href") == "/plan/tasks/1/" and link.get("aria-label").startswith(LONG)
    assert "".join(link.itertext()).strip().endswith("…")
    # Links cannot live inside role="img"; without links the chart is an image.
    assert root.get("role") == "graphics-document"
    axis = {"start": Quarter(2019, 1), "end": Quarter(2019, 4), "today": Quarter(2019, 1)}
    no_links = parse(gantt_timeline([("Без посилання", "", "completed", [])], **axis, statuses=STATUSES, title="Т"))
    assert no_links.get("role") == "img"


def test_gantt_marks_todays_quarter_in_its_column():
    root = gantt(today=dt.date(2020, 5, 14))
    (marker,) = by_class(root, "today")
    assert marker.get("data-quarter") == "2020Q2"
    shade = marker.find(f"{SVG}rect")
    assert float(shade.get("x")) == 200 + 3 * 30  # fourth column: 2019Q3, Q4, 2020Q1, Q2
    assert float(shade.get("width")) == 30
    assert [line.get("stroke-dasharray") for line in marker.iter(f"{SVG}line")] == ["4 3", "4 3"]
    assert "".join(marker.find(f"{SVG}text").itertext()) == "▲ сьогодні"  # readable without colour
    column = next(q for q in by_class(root, "quarter") if q.get("data-quarter") == "2020Q2")
    assert float(column.get("x")) == float(shade.get("x")) + 15


def test_gantt_says_when_today_is_outside_the_plan():
    root = gantt(today=Quarter(2026, 4))
    assert by_class(root, "today") == []
    assert "поза межами графіка" in root.find(f"{SVG}desc").text


def test_gantt_rejects_an_axis_that_ends_before_it_starts():
    with pytest.raises(ValueError):
        gantt(start=Quarter(2020, 1), end=Quarter(2019, 4))
