"""Server-side SVG charts shared by the public pages and the PDF report.

Pure functions: no ORM, no templates. Each returns a ``SafeString`` holding one ``<svg>``
element that is valid XML (it can be inlined in HTML or parsed on its own), has a
``<title>`` and a ``<desc>`` referenced by ``aria-labelledby`` on ``role="img"``, and
escapes every piece of text it is given.

Status is never carried by colour alone: every status has a fill pattern as well as a
colour (so the charts stay readable printed in black and white), the legend names
each status, and percentages are written as text.

Statuses are passed in as ``(value, label)`` pairs (for instance
``plan.choices.TaskStatus.choices``), so this module knows no app's vocabulary; the
colours of the plan statuses match ``static/css/site.css``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .quarters import ROMAN, Quarter

FONT = "DejaVu Sans, Arial, sans-serif"
FONT_SIZE = 12
CHAR_WIDTH = 0.62 * FONT_SIZE  # average advance of DejaVu Sans, Latin and Cyrillic
LINE_HEIGHT = 15
NBSP = "\u00a0"
ELLIPSIS = "…"

# Fill patterns drawn over the status colour; each looks different in black and white.
PATTERNS = ("solid", "diagonal", "dots", "crosshatch", "horizontal", "vertical", "backdiagonal")


class StatusStyle(NamedTuple):
    colour: str
    pattern: str


# Plan statuses (plan.choices.TaskStatus values) keep the colours of site.css.
STATUS_STYLES: dict[str, StatusStyle] = {
    "not_started": StatusStyle("#6b7280", "dots"),
    "limited": StatusStyle("#b45309", "diagonal"),
    "substantial": StatusStyle("#1d4ed8", "crosshatch"),
    "completed": StatusStyle("#15803d", "solid"),
    "cancelled": StatusStyle("#7f1d1d", "horizontal"),
}
# For any other vocabulary: colours dark enough for white text, patterns in order.
FALLBACK_COLOURS = ("#0b4f8a", "#15803d", "#b45309", "#6d28d9", "#7f1d1d", "#374151", "#0e7490")


class BarRow(NamedTuple):
    """One bar of :func:`progress_bars`: a label and a count per status value."""

    label: str
    counts: Mapping[str, int]


class GanttRow(NamedTuple):
    """One line of :func:`gantt_timeline`; ``spans`` are inclusive (start, end) quarters."""

    label: str
    url: str
    status: str
    spans: Sequence[tuple[Quarter, Quarter]]


# --- helpers -----------------------------------------------------------------------------


def status_styles(statuses: Sequence[tuple[str, str]]) -> dict[str, StatusStyle]:
    """The colour and pattern of each status value, known ones first, others in order."""
    styles = {}
    for index, (value, _label) in enumerate(statuses):
        styles[value] = STATUS_STYLES.get(
            value, StatusStyle(FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)], PATTERNS[index % len(PATTERNS)])
        )
    return styles


def percentages(counts: Sequence[int]) -> list[int]:
    """Whole percentages of ``counts`` that add up to exactly 100 (largest remainder)."""
    total = sum(counts)
    if total <= 0:
        return [0] * len(counts)
    exact = [100 * count / total for count in counts]
    result = [int(share) for share in exact]
    short = 100 - sum(result)
    by_remainder = sorted(range(len(counts)), key=lambda i: (exact[i] - result[i], counts[i]), reverse=True)
    for i in by_remainder[:short]:
        result[i] += 1
    return result


def percent(value: int) -> str:
    return f"{value}{NBSP}%"


def _num(value: float) -> str:
    """Coordinates with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def wrap_label(text: str, *, max_chars: int, max_lines: int = 2) -> list[str]:
    """Break ``text`` at spaces into at most ``max_lines`` lines; the last one ends with … if cut."""
    words = " ".join(str(text).split()).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        while len(word) > max_chars:  # a word longer than a line is cut
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:max_chars])
            word = word[max_chars:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= max_chars:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        lines = lines[: max_lines - 1] + [last[: max_chars - 1].rstrip() + ELLIPSIS]
    return lines or [""]


def _pattern_defs(prefix: str, styles: Mapping[str, StatusStyle]) -> str:
    parts = []
    for index, (_value, style) in enumerate(styles.items()):
        colour = escape(style.colour)
        marks = {
            "solid": "",
            "diagonal": '<path d="M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6" stroke="#fff" stroke-width="1.6"/>',
            "backdiagonal": '<path d="M-2,6 L2,10 M0,0 L8,8 M6,-2 L10,2" stroke="#fff" stroke-width="1.6"/>',
            "dots": '<circle cx="2" cy="2" r="1.3" fill="#fff"/><circle cx="6" cy="6" r="1.3" fill="#fff"/>',
            "crosshatch": '<path d="M0,8 L8,0 M0,0 L8,8" stroke="#fff" stroke-width="1"/>',
            "horizontal": '<path d="M0,2 H8 M0,6 H8" stroke="#fff" stroke-width="1.2"/>',
            "vertical": '<path d="M2,0 V8 M6,0 V8" stroke="#fff" stroke-width="1.2"/>',
        }[style.pattern]
        parts.append(
            f'<pattern id="{prefix}-p{index}" patternUnits="userSpaceOnUse" width="8" height="8">'
            f'<rect width="8" height="8" fill="{colour}"/>{marks}</pattern>'
        )
    return "<defs>" + "".join(parts) + "</defs>"


def _fill(prefix: str, styles: Mapping[str, StatusStyle], value: str) -> str:
    if styles[value].pattern == "solid":  # plain colour: no tile seams in print
        return escape(styles[value].colour)
    index = list(styles).index(value)
    return f"url(#{prefix}-p{index})"


def _svg(
    *, prefix: str, width: float, height: float, title: str, description: str, body: str, css_class: str, role="img"
) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="{role}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" width="{_num(width)}" height="{_num(height)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" font-family="{FONT}" font-size="{FONT_SIZE}">'
        f'<title id="{prefix}-title">{escape(title)}</title>'
        f'<desc id="{prefix}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def _prefix(id_prefix: str | None) -> str:
    return escape(id_prefix) if id_prefix else f"chart-{uuid.uuid4().hex[:8]}"


def _legend(
    prefix: str, styles: Mapping[str, StatusStyle], labels: Mapping[str, str], *, y: float, width: float
) -> tuple[str, float]:
    """Swatches with status names, wrapped into as many lines as ``width`` needs; returns (svg, height)."""
    parts = ['<g class="legend">']
    x, line_y = 0.0, y
    for value in styles:
        label = labels[value]
        item_width = 18 + len(label) * CHAR_WIDTH + 16
        if x > 0 and x + item_width > width:
            x, line_y = 0.0, line_y + 20
        parts.append(
            f'<rect x="{_num(x)}" y="{_num(line_y)}" width="14" height="14" fill="{_fill(prefix, styles, value)}" '
            f'stroke="#000" stroke-width="0.8"/>'
            f'<text x="{_num(x + 18)}" y="{_num(line_y + 11.5)}" fill="#1b1f24">{escape(label)}</text>'
        )
        x += item_width
    parts.append("</g>")
    return "".join(parts), line_y - y + 20


def _label_text(lines: Sequence[str], *, x: float, y_top: float, row_height: float, anchor: str = "start") -> str:
    first_y = y_top + row_height / 2 - (len(lines) - 1) * LINE_HEIGHT / 2 + 4
    # A trailing space keeps the words of two lines apart in the text content (names of links).
    tspans = "".join(
        f'<tspan x="{_num(x)}" y="{_num(first_y + i * LINE_HEIGHT)}">'
        f"{escape(line)}{' ' if i < len(lines) - 1 else ''}</tspan>"
        for i, line in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}" fill="#1b1f24">{tspans}</text>'


# --- (a) stacked horizontal progress bars -------------------------------------------------------


def progress_bars(
    rows: Iterable[BarRow | tuple[str, Mapping[str, int]]],
    *,
    statuses: Sequence[tuple[str, str]],
    title: str,
    description: str = "",
    width: int = 720,
    label_width: int = 240,
    id_prefix: str | None = None,
) -> SafeString:
    """Stacked horizontal bars, one per row, split by status, with a legend and percentages.

    ``rows``: ``(label, {status_value: count})``; ``statuses``: ``(value, label)`` pairs in
    the order the segments are stacked. Each segment wide enough carries its percentage;
    each bar has a ``<title>`` with every count and percentage, and the total is written at
    the end of the bar. The ``<desc>`` repeats all figures as sentences.
    """
    rows = [BarRow(str(label), dict(counts)) for label, counts in rows]
    prefix = _prefix(id_prefix)
    styles = status_styles(statuses)
    labels = {value: str(label) for value, label in statuses}
    total_width = 44
    bar_x = label_width + 8
    bar_width = max(width - bar_x - total_width, 60)
    max_chars = max(int((label_width - 4) / CHAR_WIDTH), 6)

    legend, legend_height = _legend(prefix, styles, labels, y=0, width=width)
    row_height, gap = 34, 8
    top = legend_height + 10
    body = [_pattern_defs(prefix, styles), legend]
    sentences = []
    for index, row in enumerate(rows):
        y = top + index * (row_height + gap)
        counts = [max(int(row.counts.get(value, 0)), 0) for value in styles]
        shares = percentages(counts)
        total = sum(counts)
        breakdown = "; ".join(
            f"{labels[value]}: {count} ({percent(share)})"
            for value, count, share in zip(styles, counts, shares, strict=True)
            if count
        )
        summary = f"{row.label} — {breakdown or _('немає даних')}; {_('усього')} {total}"
        sentences.append(summary)
        lines = wrap_label(row.label, max_chars=max_chars)
        body.append(f'<g class="bar-row"><title>{escape(summary)}</title>')
        body.append(_label_text(lines, x=0, y_top=y, row_height=row_height))
        body.append(
            f'<rect class="bar-track" x="{_num(bar_x)}" y="{_num(y + 4)}" width="{_num(bar_width)}" '
            f'height="{row_height - 8}" fill="#f3f5f8" stroke="#555f6b" stroke-width="0.8"/>'
        )
        x = bar_x
        for value, count, share in zip(styles, counts, shares, strict=True):
            if not count:
                continue
            segment = bar_width * count / total
            body.append(
                f'<rect class="bar-segment" data-status="{escape(value)}" data-count="{count}" '
                f'x="{_num(x)}" y="{_num(y + 4)}" width="{_num(segment)}" height="{row_height - 8}" '
                f'fill="{_fill(prefix, styles, value)}" stroke="#000" stroke-width="0.6"/>'
            )
            text = percent(share)
            pill = len(text) * CHAR_WIDTH * 0.85 + 6
            if segment >= pill + 4:
                cx = x + segment / 2
                body.append(
                    f'<rect x="{_num(cx - pill / 2)}" y="{_num(y + row_height / 2 - 8)}" width="{_num(pill)}" '
                    f'height="16" rx="3" fill="#fff"/>'
                    f'<text class="bar-percent" x="{_num(cx)}" y="{_num(y + row_height / 2 + 4)}" '
                    f'text-anchor="middle" font-size="11" fill="#000">{escape(text)}</text>'
                )
            x += segment
        body.append(
            f'<text class="bar-total" x="{_num(width - 2)}" y="{_num(y + row_height / 2 + 4)}" '
            f'text-anchor="end" fill="#1b1f24">{total}</text></g>'
        )
    height = top + len(rows) * (row_height + gap)
    full_description = " ".join(filter(None, [description, ". ".join(sentences) + ("." if sentences else "")]))
    return mark_safe(  # noqa: S308 - every piece of text above went through escape()
        _svg(
            prefix=prefix,
            width=width,
            height=height,
            title=title,
            description=full_description,
            body="".join(body),
            css_class="chart-progress-bars",
        )
    )


# --- (b) one completion bar -------------------------------------------------------------------


def progress_bar(
    *,
    done: int,
    total: int,
    title: str,
    label: str = "",
    width: int = 360,
    colour: str = STATUS_STYLES["completed"].colour,
    id_prefix: str | None = None,
) -> SafeString:
    """A single completion bar: ``done`` of ``total`` filled, with "40 % (4 з 10)" written beside it."""
    prefix = _prefix(id_prefix)
    done, total = max(int(done), 0), max(int(total), 0)
    share = percentages([done, total - done])[0] if total else 0
    figure = f"{percent(share)} (" + _("%(done)s з %(total)s") % {"done": done, "total": total} + ")"
    text_width = len(figure) * CHAR_WIDTH + 8
    bar_width = max(width - text_width, 40)
    filled = bar_width * done / total if total else 0
    styles = {"done": StatusStyle(colour, "solid")}
    body = (
        _pattern_defs(prefix, styles)
        + f'<rect class="bar-track" x="0.5" y="4.5" width="{_num(bar_width - 1)}" height="15" fill="#f3f5f8" '
        f'stroke="#555f6b"/>'
        + f'<rect class="bar-fill" x="0.5" y="4.5" width="{_num(max(filled - 1, 0))}" height="15" '
        f'fill="{_fill(prefix, styles, "done")}" stroke="#000" stroke-width="0.6"/>'
        + f'<text class="bar-percent" x="{_num(bar_width + 6)}" y="17" fill="#1b1f24">{escape(figure)}</text>'
    )
    description = f"{label + ': ' if label else ''}{figure}"
    return mark_safe(  # noqa: S308 - escaped above
        _svg(
            prefix=prefix,
            width=width,
            height=24,
            title=title,
            description=description,
            body=body,
            css_class="chart-progress-bar",
        )
    )


# --- (c) quarter timeline (Gantt) -------------------------------------------------------------------


def gantt_timeline(
    rows: Iterable[GanttRow | tuple[str, str, str, Sequence[tuple[Quarter, Quarter]]]],
    *,
    start: Quarter,
    end: Quarter,
    today: Quarter | dt.date,
    statuses: Sequence[tuple[str, str]],
    title: str,
    description: str = "",
    label_width: int = 280,
    column_width: int = 34,
    id_prefix: str | None = None,
) -> SafeString:
    """Tasks as bars over a quarter axis from ``start`` to ``end``, with today's quarter marked.

    ``rows``: ``(label, url, status_value, [(first_quarter, last_quarter), ...])``; spans
    are inclusive and clipped to the axis. Labels are wrapped to two lines and cut with …,
    the full text being in the row's ``<title>``. A label with a ``url`` is a link named
    "label — status; periods"; links cannot sit inside ``role="img"`` (axe: nested-interactive),
    so a chart with links is a ``role="graphics-document"`` whose axis and bars are hidden
    from assistive technology (the link names and ``<desc>`` carry the same facts). Today's column
    is shaded, edged with dashed lines and labelled, so the marker survives black-and-white
    printing.
    """
    if end < start:
        raise ValueError("Кінець графіка раніше за його початок")
    rows = [GanttRow(str(label), url or "", status, list(spans)) for label, url, status, spans in rows]
    today_quarter = today if isinstance(today, Quarter) else Quarter.containing(today)
    prefix = _prefix(id_prefix)
    styles = status_styles(statuses)
    labels = {value: str(label) for value, label in statuses}
    quarters = start.until(end)
    width = label_width + len(quarters) * column_width + 2
    max_chars = max(int((label_width - 8) / CHAR_WIDTH), 6)

    def column_x(quarter: Quarter) -> float:
        return label_width + (quarter.index - start.index) * column_width

    legend, legend_height = _legend(prefix, styles, labels, y=0, width=width)
    header_top = legend_height + 8
    header_height = 38
    row_height = 36
    grid_top = header_top + header_height
    grid_bottom = grid_top + len(rows) * row_height + 4
    height = grid_bottom + 16  # room for the "today" caption under the grid
    body = [_pattern_defs(prefix, styles), legend]

    # Axis: a year row above a quarter row; thick lines at year boundaries.
    body.append('<g class="axis" aria-hidden="true">')
    for year in sorted({q.year for q in quarters}):
        in_year = [q for q in quarters if q.year == year]
        x0, x1 = column_x(in_year[0]), column_x(in_year[-1]) + column_width
        year_text = str(year) if x1 - x0 >= 4 * CHAR_WIDTH else str(year)[-2:]
        body.append(
            f'<text x="{_num((x0 + x1) / 2)}" y="{_num(header_top + 13)}" text-anchor="middle" '
            f'font-weight="bold" fill="#1b1f24">{year_text}</text>'
        )
    for quarter in quarters:
        x = column_x(quarter)
        body.append(
            f'<text class="quarter" data-quarter="{quarter}" x="{_num(x + column_width / 2)}" '
            f'y="{_num(header_top + 31)}" text-anchor="middle" font-size="11" fill="#1b1f24">'
            f"{ROMAN[quarter.number]}</text>"
        )
    for quarter in [*quarters, end.next()]:
        x = column_x(quarter)
        strong = quarter.number == 1 or quarter in (start, end.next())
        body.append(
            f'<line x1="{_num(x)}" y1="{_num(header_top + (0 if strong else 18))}" x2="{_num(x)}" '
            f'y2="{_num(grid_bottom)}" stroke="{"#555f6b" if strong else "#d0d6dd"}" '
            f'stroke-width="{"1" if strong else "0.6"}"/>'
        )
    body.append("</g>")

    # Today's quarter: shaded column, dashed edges, and the word "сьогодні" over it.
    today_text = _("поточний квартал")
    if start <= today_quarter <= end:
        x = column_x(today_quarter)
        caption = f"▲ {_('сьогодні')}"
        caption_half = len(caption) * 0.62 * 10 / 2 + 2
        caption_x = min(max(x + column_width / 2, label_width + caption_half), width - caption_half)
        body.append(
            f'<g class="today" data-quarter="{today_quarter}"><title>{escape(today_quarter.label())}</title>'
            f'<rect x="{_num(x)}" y="{_num(grid_top)}" width="{column_width}" '
            f'height="{_num(grid_bottom - grid_top)}" fill="#fff3c4"/>'
            f'<line x1="{_num(x)}" y1="{_num(header_top)}" x2="{_num(x)}" y2="{_num(grid_bottom)}" '
            f'stroke="#000" stroke-width="1.4" stroke-dasharray="4 3"/>'
            f'<line x1="{_num(x + column_width)}" y1="{_num(header_top)}" x2="{_num(x + column_width)}" '
            f'y2="{_num(grid_bottom)}" stroke="#000" stroke-width="1.4" stroke-dasharray="4 3"/>'
            f'<text x="{_num(caption_x)}" y="{_num(grid_bottom + 12)}" text-anchor="middle" '
            f'font-size="10" font-weight="bold" fill="#000">{escape(caption)}</text></g>'
        )
        today_sentence = f"{today_text}: {today_quarter.label()}"
    else:
        today_sentence = f"{today_text}: {today_quarter.label()} ({_('поза межами графіка')})"

    counts = dict.fromkeys(styles, 0)
    for index, row in enumerate(rows):
        y = grid_top + index * row_height
        status_label = labels.get(row.status, row.status)
        periods = ", ".join(f"{a}–{b}" if a != b else f"{a}" for a, b in row.spans)
        row_title = f"{row.label} — {status_label}" + (f"; {periods}" if periods else "")
        if row.status in counts:
            counts[row.status] += 1
        body.append(f'<g class="gantt-row" data-status="{escape(row.status)}"><title>{escape(row_title)}</title>')
        if index % 2:
            body.append(f'<rect x="0" y="{_num(y)}" width="{_num(label_width)}" height="{row_height}" fill="#f3f5f8"/>')
        text = _label_text(wrap_label(row.label, max_chars=max_chars), x=4, y_top=y, row_height=row_height)
        if row.url:
            text = (
                f'<a href="{escape(row.url)}" aria-label="{escape(row_title)}">'
                f"{text.replace('#1b1f24', '#0b4f8a', 1)}</a>"
            )
        body.append(text)
        body.append('<g aria-hidden="true">')
        for first, last in row.spans:
            first, last = max(first, start), min(last, end)
            if last < first:
                continue
            x = column_x(first)
            span_width = (last.index - first.index + 1) * column_width
            fill = _fill(prefix, styles, row.status) if row.status in styles else "#374151"
            body.append(
                f'<rect class="gantt-bar" data-start="{first}" data-end="{last}" x="{_num(x + 2)}" '
                f'y="{_num(y + 9)}" width="{_num(span_width - 4)}" height="{row_height - 18}" rx="2" '
                f'fill="{fill}" stroke="#000" stroke-width="0.8"/>'
            )
        body.append("</g></g>")

    by_status = ", ".join(f"{labels[value]}: {count}" for value, count in counts.items() if count)
    sentences = [
        description,
        f"{_('Квартали')} {start}–{end}; {today_sentence}.",
        f"{_('Завдань')}: {len(rows)}" + (f" ({by_status})." if by_status else "."),
    ]
    return mark_safe(  # noqa: S308 - escaped above
        _svg(
            prefix=prefix,
            width=width,
            height=height,
            title=title,
            description=" ".join(filter(None, sentences)),
            body="".join(body),
            css_class="chart-gantt",
            role="graphics-document" if any(row.url for row in rows) else "img",
        )
    )


# --- (d) indicator: actual bars per period against a target line ------------------------------------


def indicator_chart(
    points: Sequence[tuple[str, float | None, float | None]],
    *,
    title: str,
    unit: str = "",
    width: int = 480,
    id_prefix: str | None = None,
) -> SafeString:
    """Bars of the actual value per reporting period and a dashed line at the target.

    ``points``: (period label, actual or None, target or None) in period order. Every value is also
    written as text above its bar, and the description lists them, so nothing depends on colour.
    """
    prefix = _prefix(id_prefix)
    points = list(points)
    top_value = max([v for _label, a, t in points for v in (a, t) if v is not None] or [1.0]) or 1.0
    top, bottom, left = 22.0, 34.0, 8.0
    plot_height = 120.0
    height = top + plot_height + bottom
    column = (width - left * 2) / max(len(points), 1)
    bar_width = min(column * 0.6, 56)

    def y(value: float) -> float:
        return top + plot_height - plot_height * value / top_value

    suffix = f"{NBSP}{unit}" if unit else ""
    body = [
        f'<line x1="{_num(left)}" y1="{_num(top + plot_height)}" x2="{_num(width - left)}" '
        f'y2="{_num(top + plot_height)}" stroke="#555f6b"/>'
    ]
    described = []
    for index, (label, actual, target) in enumerate(points):
        x0 = left + index * column
        centre = x0 + column / 2
        if target is not None:
            body.append(
                f'<line class="target" x1="{_num(x0 + 2)}" y1="{_num(y(target))}" x2="{_num(x0 + column - 2)}" '
                f'y2="{_num(y(target))}" stroke="#b3261e" stroke-width="2" stroke-dasharray="6 3"/>'
            )
        if actual is not None:
            body.append(
                f'<rect class="actual" x="{_num(centre - bar_width / 2)}" y="{_num(y(actual))}" '
                f'width="{_num(bar_width)}" height="{_num(top + plot_height - y(actual))}" fill="#1f5fa8" '
                f'stroke="#000" stroke-width="0.6"/>'
                f'<text x="{_num(centre)}" y="{_num(max(y(actual) - 4, 12))}" text-anchor="middle" '
                f'fill="#1b1f24">{escape(_num(actual))}</text>'
            )
        body.append(
            f'<text x="{_num(centre)}" y="{_num(top + plot_height + 16)}" text-anchor="middle" '
            f'fill="#1b1f24">{escape(label)}</text>'
        )
        described.append(
            f"{label}: "
            + (_("факт %(value)s") % {"value": _num(actual) + suffix} if actual is not None else _("факт —"))
            + (", " + _("ціль %(value)s") % {"value": _num(target) + suffix} if target is not None else "")
        )
    body.append(
        f'<g class="legend"><rect x="{_num(left)}" y="{_num(height - 12)}" width="12" height="10" fill="#1f5fa8"/>'
        f'<text x="{_num(left + 16)}" y="{_num(height - 3)}" fill="#1b1f24">{escape(_("факт"))}</text>'
        f'<line x1="{_num(left + 70)}" y1="{_num(height - 7)}" x2="{_num(left + 94)}" y2="{_num(height - 7)}" '
        f'stroke="#b3261e" stroke-width="2" stroke-dasharray="6 3"/>'
        f'<text x="{_num(left + 98)}" y="{_num(height - 3)}" fill="#1b1f24">{escape(_("ціль"))}</text></g>'
    )
    return mark_safe(  # noqa: S308 - every text escaped above
        _svg(
            prefix=prefix,
            width=width,
            height=height + 4,
            title=title,
            description="; ".join(described) or _("Значень ще немає."),
            body="".join(body),
            css_class="chart-indicator",
        )
    )
