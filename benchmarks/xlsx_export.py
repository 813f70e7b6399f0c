"""Issue 22: the laid-out XLSX (common.xlsx: typed cells, fitted widths, autofilter, frozen header)
against the plain tablib export it replaced for tasks, measured in the same run.

    DJANGO_SETTINGS_MODULE=ternopil_od.test_settings python -m benchmarks.xlsx_export [rows]
"""

from __future__ import annotations

import datetime as dt
import sys
import time


def _rows(count: int) -> list[list]:
    day = dt.date(2019, 1, 1)
    return [
        [
            n, 1, "План дій з відкритих даних", n % 6 + 1, "Принцип", f"Розділ {n % 6}", n,
            f"Завдання {n}: оприлюднити набори даних у машиночитному форматі " * 2,
            "Опис завдання. " * 20, "Показник", "І-ІІ квартал 2019 року", "2019Q1–2019Q2", "ні",
            day + dt.timedelta(days=n % 700), "limited", "Обмежений прогрес", n % 101, "так",
            day + dt.timedelta(days=n % 500), "Управління", "Управління; Відділ", f"http://x/plan/tasks/{n}/",
        ]
        for n in range(count)
    ]  # fmt: skip


def _best(function, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main(count: int = 5000) -> None:
    import django

    django.setup()
    import tablib

    from common.xlsx import build_xlsx

    rows = _rows(count)
    headers = [f"Колонка {n}" for n in range(len(rows[0]))]
    text_rows = [[v.isoformat() if hasattr(v, "isoformat") else v for v in row] for row in rows]

    def baseline():
        data = tablib.Dataset(*text_rows, headers=headers)
        return data.export("xlsx")

    baseline_s = _best(baseline)
    laid_out_s = _best(lambda: build_xlsx(headers, rows, title="Завдання"))
    print(f"rows={count} tablib={baseline_s * 1000:.0f} ms build_xlsx={laid_out_s * 1000:.0f} ms "
          f"ratio={laid_out_s / baseline_s:.2f}")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
