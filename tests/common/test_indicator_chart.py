"""common.charts.indicator_chart: target line, actual bars, valid XML, text for screen readers."""

import xml.etree.ElementTree as ET

from common.charts import indicator_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_bars_line_and_description():
    svg = indicator_chart(
        [("2019Q3", 3.0, 10.0), ("2019Q4", None, 10.0), ("2020Q1", 12.5, 10.0)],
        title="Показник <набори> & «дані»",
        unit="наборів",
        id_prefix="ind-1",
    )
    root = ET.fromstring(str(svg))  # noqa: S314 - our own output; valid XML, every text escaped
    assert root.get("role") == "img" and root.get("aria-labelledby") == "ind-1-title ind-1-desc"
    assert root.find(f"{SVG}title").text == "Показник <набори> & «дані»"
    description = root.find(f"{SVG}desc").text
    assert "2019Q3: факт 3\u00a0наборів, ціль 10\u00a0наборів" in description
    assert "2019Q4: факт —" in description
    bars = root.findall(f".//{SVG}rect[@class='actual']")
    targets = root.findall(f".//{SVG}line[@class='target']")
    assert len(bars) == 2 and len(targets) == 3
    # The tallest value (12.5) fills the plot; the bar for 3 is proportionally shorter.
    heights = sorted(float(bar.get("height")) for bar in bars)
    assert abs(heights[0] / heights[1] - 3 / 12.5) < 0.01


def test_no_values():
    root = ET.fromstring(str(indicator_chart([], title="Порожньо", id_prefix="empty")))  # noqa: S314
    assert root.find(f"{SVG}desc").text == "Значень ще немає."
