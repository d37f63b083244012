"""How long an edit takes to be saved and shown: ``python benchmarks/bench_edit_latency.py [N ...]``
(default 100000; ``--keep DIR`` keeps the catalogues there and reuses them).

For each N it builds a catalogue of N articles of real text (the Lee corpus, varied, as
``bench_search.py --worst`` does), opens the window offscreen at 1280×800 and measures, as a
person sees it:

- **open**: from asking for the window until it is drawn with the table filled;
- **edit**: a title typed into the editor and Enter pressed, until both the reading pane and the
  table show the new title (median and worst of 20, each on another article);
- **undo**: Edit ▸ Undo of that edit, until both show the old title again (median and worst of 20);
- **batch**: a batch edit of 10,000 articles (their outlet), until its end is handled and the
  window shows it, and the longest the event loop went without running meanwhile (the write
  itself runs on the session's writer thread: the window stays responsive).

The clock runs from the key press (or the action) to the moment the event loop has shown the
change, so a save done on the writer thread, and its way back, count in full. The same is then
measured in the same process with the writes run at once on the GUI thread (as before issue 16
moved them to the writer): the baseline, where the batch edit holds the event loop throughout. Targets at
100,000 (issue 16): edit and undo median < 30 ms, worst < 100 ms; open < 1 s.
"""

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from bench_search import build_catalogue

ROUNDS = 20
TIMEOUT_S = 10.0
BATCH = 10_000


def run_events(app) -> None:
    """One turn of the event loop, sleeping until an event comes as a window's loop does (a
    loop spinning in Python would hold the GIL from the writer thread); a timer in ``measure``
    wakes it at least every few milliseconds."""
    from PySide6.QtCore import QEventLoop

    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def wait_until(app, shown) -> float:
    """Seconds until ``shown()`` holds, the event loop running meanwhile."""
    start = time.perf_counter()
    while not shown():
        if time.perf_counter() - start > TIMEOUT_S:
            raise TimeoutError("the change was not shown within 10 s")
        run_events(app)
    return time.perf_counter() - start


class AtOnce:
    """The session's writes run at once on the GUI thread: the baseline."""

    def start_write(self, task) -> None:
        task.run()


def measure(location: str, *, on_gui_thread: bool = False) -> dict:
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QTableView, QTextBrowser

    from ui.app import application, open_window
    from ui.session import CatalogSession

    CatalogSession._pool_for_writes = (
        (lambda session: AtOnce()) if on_gui_thread else (lambda s: s.write_pool)
    )
    app = application()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    start = time.perf_counter()
    window = open_window(location)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    opened = time.perf_counter() - start

    window.activateWindow()
    ticks: list[float] = []
    wake = QTimer(interval=10)  # wakes the sleeping loop; its ticks show how long it was held up
    wake.timeout.connect(lambda: ticks.append(time.perf_counter()))
    wake.start()
    table = window.findChild(QTableView, "articleTable")
    title = window.findChild(QLineEdit, "titleEdit")
    pane = window.findChild(QTextBrowser, "readingPane")
    undo = window.findChild(QAction, "actionUndo")
    model = table.model()
    title_column = next(
        column
        for column in range(model.columnCount())
        if model.headerData(column, Qt.Orientation.Horizontal) == "Title"
    )

    def shows(row: int, text: str) -> bool:
        return model.index(row, title_column).data() == text and text in pane.toPlainText()[:400]

    edits, undos = [], []
    for round_number in range(ROUNDS):
        row = round_number * 3  # another article each time, all on the first page
        table.selectRow(row)
        app.processEvents()
        old = title.text()
        new = f"{old} (checked {round_number})"
        title.setFocus()
        title.setText(new)  # typing is not timed: saving and showing it is
        start = time.perf_counter()
        QTest.keyClick(title, Qt.Key.Key_Return)
        edits.append(time.perf_counter() - start + wait_until(app, lambda: shows(row, new)))  # noqa: B023

        start = time.perf_counter()
        undo.trigger()
        undos.append(time.perf_counter() - start + wait_until(app, lambda: shows(row, old)))  # noqa: B023
    batch, blocked = batch_edit(app, window, ticks)
    wake.stop()
    window.close()
    return {
        "batch": batch,
        "blocked": blocked,
        "open": opened,
        "edit_median": statistics.median(edits),
        "edit_worst": max(edits),
        "undo_median": statistics.median(undos),
        "undo_worst": max(undos),
    }


def batch_edit(app, window, ticks: list[float]) -> tuple[float, float]:
    """Seconds until a batch edit of BATCH articles is written and shown, and the longest gap
    between two ticks of a 10 ms timer meanwhile (how long the event loop was held up)."""
    from catalog.editing import BatchEdit
    from catalog.models import Article
    from ui.operations import articles

    ids = [row.id for row in Article.select(Article.id).order_by(Article.id).limit(BATCH)]
    ended: list[int] = []
    start = time.perf_counter()
    ticks.clear()
    articles.batch_edit(
        session=window.session,
        parent=window,
        ids=ids,
        batch=BatchEdit(outlet=f"Bench Outlet {time.time_ns()}"),  # new each run: all 10,000 change
        done=ended.append,
    )
    while not ended:
        run_events(app)
        if time.perf_counter() - start > 10 * TIMEOUT_S:
            raise TimeoutError("the batch edit did not end within 100 s")
    took = time.perf_counter() - start
    run_events(app)  # the tick after the end's handling
    return took, max(
        (later - earlier for earlier, later in itertools.pairwise([start, *ticks])), default=took
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int)
    parser.add_argument("--keep", metavar="DIR", help="keep (and reuse) the catalogues in DIR")
    args = parser.parse_args()
    print(
        f"{'writes on':>12} {'articles':>10} {'open':>8} {'edit median':>12} {'edit worst':>11} {'undo median':>12} {'undo worst':>11}"
        f" {'batch ' + format(BATCH, ','):>13} {'loop blocked':>13}"
    )
    for count in args.sizes or [100_000]:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(args.keep or scratch)
            location = str(folder / f"edit-{count}.sqlite3")
            build_catalogue(location, folder / f"real-{count}", count, "real")
            for where, on_gui_thread in (("the writer", False), ("GUI thread", True)):
                figures = measure(location, on_gui_thread=on_gui_thread)
                print(
                    f"{where:>12} {count:>10,} {figures['open'] * 1000:>6.0f}ms "
                    f"{figures['edit_median'] * 1000:>10.0f}ms {figures['edit_worst'] * 1000:>9.0f}ms "
                    f"{figures['undo_median'] * 1000:>10.0f}ms {figures['undo_worst'] * 1000:>9.0f}ms "
                    f"{figures['batch'] * 1000:>11.0f}ms {figures['blocked'] * 1000:>11.0f}ms",
                    flush=True,
                )


if __name__ == "__main__":
    main()
