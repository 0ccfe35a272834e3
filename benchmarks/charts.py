"""The Charts view's drawing budget, against bare matplotlib drawing the same arrays.

Run by benchmarks/run.py (or alone: ``python benchmarks/charts.py``). For a 1-year and a
10-year demo diary (written by ``moodlog demo``, so with treatments and questionnaires):

* full view: ``build_trend_chart`` + drawing the whole span with Agg at the window's chart
  size, against a bare script that creates a Figure with the same number of axes and draws
  the same arrays (every line's x/y, every line collection's segments, every image) with
  plain ``plot`` / ``vlines`` / ``imshow`` calls. Target <= 1.5x.
* range switch: ``TrendChart.set_range`` to the last year + one draw. Target <= 150 ms.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.image import AxesImage  # noqa: E402

from moodlog.charts.trend_chart import ChartOptions, TrendChart, build_trend_chart  # noqa: E402
from moodlog.domain.trend_data import TrendData  # noqa: E402
from moodlog.storage.database import open_database  # noqa: E402
from moodlog.storage.diary_store import DiaryStore  # noqa: E402

WIDTH_INCHES = 10.4  # the chart's width in a 1280-pixel window at 96 dpi
DPI = 96.0
FULL_VIEW_TARGET = 1.5
SWITCH_TARGET_MS = 150.0
OPTIONS = ChartOptions(other_scales=("anxiety",), efficiency=True)
Result = tuple[str, str, str, str, str]  # measure, value, baseline, ratio, target


def write_demo(path: Path, years: int) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "main.py"), "demo", "--db", str(path), "--years", str(years)],
        check=True,
        capture_output=True,
    )


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm: fonts, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def moodlog_full_view(data: TrendData) -> Callable[[], TrendChart]:
    def draw() -> TrendChart:
        chart = build_trend_chart(data, OPTIONS, width_inches=WIDTH_INCHES, dpi=DPI)
        FigureCanvasAgg(chart.figure).draw()
        return chart

    return draw


def bare_arrays(chart: TrendChart) -> list[list[tuple[str, object]]]:
    """Per axes, what it draws: ("plot", (x, y)), ("vlines", segments), ("imshow", (array,
    extent)), taken from moodlog's own figure so both draw the very same numbers."""
    axes = []
    for ax in chart.figure.axes:
        items: list[tuple[str, object]] = []
        for child in ax.get_children():
            if isinstance(child, AxesImage):
                items.append(("imshow", (child.get_array(), child.get_extent())))
            elif isinstance(child, LineCollection) and child.get_gid():
                items.append(("vlines", child.get_segments()))
        for line in ax.get_lines():
            if line.get_gid():
                items.append(("plot", (np.asarray(line.get_xdata()), line.get_ydata())))
        axes.append(items)
    return axes


def bare_full_view(arrays: list[list[tuple[str, object]]], height: float) -> Callable[[], None]:
    def draw() -> None:
        figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
        grid = figure.add_gridspec(len(arrays), 1)
        first = None
        for index, items in enumerate(arrays):
            ax = figure.add_subplot(grid[index], sharex=first)
            first = first or ax
            for kind, payload in items:
                if kind == "plot":
                    x, y = payload  # type: ignore[misc]
                    ax.plot(x, y, marker="o", markersize=2)
                elif kind == "vlines":
                    segments = payload
                    xs = [s[0][0] for s in segments]  # type: ignore[attr-defined]
                    ax.vlines(xs, [s[0][1] for s in segments], [s[1][1] for s in segments])  # type: ignore[attr-defined]
                else:
                    array, extent = payload  # type: ignore[misc]
                    ax.imshow(array, extent=extent, aspect="auto", interpolation="nearest")
        FigureCanvasAgg(figure).draw()

    return draw


def range_switch(chart: TrendChart, today: date) -> Callable[[], None]:
    canvas = FigureCanvasAgg(chart.figure)
    # Every call changes the span: the last year and the last 6 months in turn.
    spans = [(today - timedelta(days=364), today), (today - timedelta(days=182), today)]
    turn = [0]

    def switch() -> None:
        turn[0] += 1
        chart.set_range(*spans[turn[0] % 2])
        canvas.draw()

    return switch


def measure(folder: Path, runs: int = 5) -> list[Result]:
    rows: list[Result] = []
    today = date.today()
    for years in (1, 10):
        path = folder / f"charts-{years}y.sqlite"
        write_demo(path, years)
        store = DiaryStore(open_database(path))
        first = store.first_day() or today
        load = median_ms(partial(store.trend_data, first, today), runs)
        data = store.trend_data(first, today)
        full = moodlog_full_view(data)
        chart = full()
        arrays = bare_arrays(chart)
        ours = median_ms(full, runs)
        bare = median_ms(bare_full_view(arrays, chart.figure.get_figheight()), runs)
        ratio = ours / bare
        verdict = "ok" if ratio <= FULL_VIEW_TARGET else "OVER"
        panels = len(chart.figure.axes)
        rows.append(
            (
                f"Charts view drawn, {years}-year demo, all ({panels} axes)",
                f"{ours:.0f} ms",
                f"{bare:.0f} ms bare",
                f"{ratio:.2f}x",
                f"<= {FULL_VIEW_TARGET}x {verdict}",
            )
        )
        rows.append(
            (
                f"  + reading the diary (trend_data), {years}-year demo",
                f"{load:.0f} ms",
                "",
                f"{(ours + load) / bare:.2f}x with reading",
                "(once per visit)",
            )
        )
        switch = median_ms(range_switch(chart, today), runs * 2)
        verdict = "ok" if switch <= SWITCH_TARGET_MS else "OVER"
        rows.append(
            (
                f"range switch (1 year / 6 months), {years}-year demo",
                f"{switch:.0f} ms",
                "",
                "",
                f"<= {SWITCH_TARGET_MS:g} ms {verdict}",
            )
        )
        store.close()
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="moodlog-charts-") as name:
        for row in measure(Path(name)):
            print(" | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
