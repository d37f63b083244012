"""Renders the README's screenshots offscreen: ``python -m ui.screenshots [FOLDER]``.

The window opens on a temporary catalogue holding the seed article and three short demo
articles with marked and linked claims, with private settings, so the pictures show what a
newcomer sees and never depend on the machine they are made on (the articles' source files are
named in a neutral folder, ``NEUTRAL_FOLDER``, not where the demo was imported from). It writes
the main window (light and dark), a search with the filter bar, the column chooser, the text
zoomed, the editor, the claim map, the Story tab on a republication of the seed and the two
compared, and the first pages of a report (the report page needs
``pdftoppm`` from poppler-utils).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

SIZE = (1280, 800)
#: Where the pictures say the articles were imported from (a desk's, not the renderer's).
NEUTRAL_FOLDER = PurePosixPath("/home/desk/articles")
DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

DEMO_ARTICLES = {
    "wire.txt": (
        " date 2022-06-30 Authored by Ana Ruiz via Daily Wire Service,",
        "Officials doubt Ukraine can retake lost territory",
        (
            "Officials in Washington privately doubt that Ukraine will be able to retake all the "
            "territory Russia has captured, two people familiar with the talks said on Thursday.\n\n"
            "The assessment follows weeks of fighting in the Donbas region."
        ),
    ),
    "ministry.txt": (
        " date 2022-07-02 Authored by Olena Koval via Kyiv Evening,",
        "Ministry rejects reports of waning support",
        (
            "The defence ministry rejected reports that allies are losing confidence, saying that "
            "Western support for Ukraine remains firm and deliveries continue on schedule.\n\n"
            "A spokesman called the reports speculation."
        ),
    ),
    "analysis.txt": (
        " date 2022-07-05 Authored by Sam Okafor via The Review,",
        "What the CNN report did and did not say",
        (
            "The CNN report cited unnamed officials and did not say that aid would be cut. Several "
            "outlets repeated that officials are losing confidence in a counteroffensive.\n\n"
            "Analysts said the picture is mixed."
        ),
    ),
}


def _copies_of_the_seed(folder: Path) -> None:
    """Two republications of the seed article, as outlets make them: the whole text rewrapped
    under a lead-in and a newsletter footer, with a word changed; a newsletter's excerpt."""
    import textwrap

    from catalog.seeds import seeds_folder

    [seed_file] = sorted(seeds_folder().glob("*.txt"))
    paragraphs = [p.strip() for p in seed_file.read_text(encoding="utf-8").split("\n\n") if p.strip()][1:]
    changed = [
        paragraph.replace("taking heavy casualties", "taking severe casualties") for paragraph in paragraphs
    ]
    rewrapped = "\n\n".join(textwrap.fill(p, 64) for p in changed)
    (folder / "digest.txt").write_text(
        " date 2022-06-30 Authored by Dave DeCamp via Daily Digest,\n\n"
        "This story was originally published by AntiWar.com and is republished with permission.\n\n"
        f"{rewrapped}\n\nSubscribe to our newsletter for more stories like this.\n",
        encoding="utf-8",
    )
    excerpt = "\n\n".join(paragraphs[:3])
    (folder / "letter.txt").write_text(
        " date 2022-07-02 Authored by Dave DeCamp via The Morning Letter,\n\n"
        f"{excerpt}\n\nRead the rest at https://news.example.org/ukraine-confidence\n",
        encoding="utf-8",
    )


def _demo_catalogue(scratch: Path) -> tuple[int, int]:
    """Fill the open catalogue; returns (the seed article's id, the claim the map is drawn for)."""
    from catalog.claims.store import add_claim_by_text, link_claims
    from catalog.editing import ArticleEdit, edit_article
    from catalog.importing import import_paths
    from catalog.seeds import import_seeds, seeds_folder

    seed = import_seeds().imported[0].article_id
    folder = scratch / "demo"
    folder.mkdir()
    for name, (header, title, body) in DEMO_ARTICLES.items():
        (folder / name).write_text(f"{header}\n\n{title}\n\n{body}\n", encoding="utf-8")
    _copies_of_the_seed(folder)
    ids = {Path(item.path).name: item.article_id for item in import_paths([folder]).imported}
    edit_article(
        seed,
        ArticleEdit(
            topics=["Ukraine/War", "US politics"],
            summary="US officials are said to doubt that Ukraine can retake all the territory Russia holds.",
        ),
    )
    origin = add_claim_by_text(
        seed,
        'White House officials are "losing confidence" that Ukraine will be able to retake all the territory',
        claimant="Unnamed US officials",
        verdict="unproven",
    )
    repeat = add_claim_by_text(
        ids["wire.txt"], "doubt that Ukraine will be able to retake all the territory", claimant="Officials"
    )
    denial = add_claim_by_text(
        ids["ministry.txt"], "Western support for Ukraine remains firm", claimant="Defence ministry"
    )
    check = add_claim_by_text(
        ids["analysis.txt"], "did not say that aid would be cut", claimant="The Review", verdict="mixed"
    )
    link_claims(repeat, origin, "repeats")
    link_claims(denial, origin, "contradicts", "The ministry denies the report")
    link_claims(check, origin, "cites")
    _neutral_sources(folder, seeds_folder())
    return seed, origin


def _neutral_sources(*folders: Path) -> None:
    """Each article's source file, named as if imported from ``NEUTRAL_FOLDER``."""
    from catalog.articles import move_sources

    for folder in folders:
        move_sources(str(folder), str(NEUTRAL_FOLDER))


def _dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2d31"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1f2023"),
        (QPalette.ColorRole.AlternateBase, "#2a2b2f"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#35373c"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
        (QPalette.ColorRole.Mid, "#55575c"),
        (QPalette.ColorRole.Link, "#8ab4f8"),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    return palette


def render(folder: Path) -> list[Path]:
    """Write the screenshots into ``folder``; returns their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from catalog.catalogue import close_catalogue
    from catalog.changes import EVERYTHING
    from catalog.reporting import build_report
    from ui.app import application, open_window
    from ui.report.output import export_pdf

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        app = application()
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(scratch))
        window = open_window(str(scratch / "Newsroom.sqlite3"))
        seed, origin = _demo_catalogue(scratch)
        window.session.announce(EVERYTHING)
        window.articles.select_article(seed)
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        written.append(_save(window, folder / "main-window.png"))
        written += _searching(window, app, folder)
        window.articles.select_article(seed)
        window.detail.tabs.setCurrentWidget(window.detail.claims_panel)
        window.detail.claims_panel.select_claim(origin)
        app.processEvents()
        written.append(_save(window.splitter, folder / "claims.png"))
        window.detail.tabs.setCurrentWidget(window.detail.editor)
        app.processEvents()
        written.append(_save(window.detail.tabs, folder / "editor.png"))
        window.claims.show_claim_map(origin)
        app.processEvents()
        dialog = window.claims.claim_map_dialog
        dialog.resize(1000, 620)
        app.processEvents()
        written.append(_save(dialog, folder / "claim-map.png"))
        dialog.close()
        written += _story(window, app, seed, folder)
        pdf = scratch / "report.pdf"
        ids = [
            window.articles.model.index(row, 0).data(window.articles.model.ArticleIdRole)
            for row in range(window.articles.model.rowCount())
        ]
        export_pdf(build_report(ids, catalogue="Newsroom", selection="All articles"), pdf)
        written += _pdf_pages(pdf, folder / "report-page")
        window.close()
        # A dark desktop's palette is there before the window opens, as here.
        light = app.palette()
        QApplication.setPalette(_dark_palette())
        app.setStyleSheet(app.styleSheet())
        dark = open_window(str(scratch / "Newsroom.sqlite3"))
        dark.articles.select_article(seed)
        dark.detail.tabs.setCurrentWidget(dark.detail.claims_panel)
        dark.detail.claims_panel.select_claim(origin)
        dark.resize(*SIZE)
        dark.show()
        app.processEvents()
        written.append(_save(dark, folder / "main-window-dark.png"))
        dark.close()
        QApplication.setPalette(light)
        close_catalogue()
    return written


def _searching(window, app, folder: Path) -> list[Path]:
    """A search and a year chosen in the sidebar (the filter bar's chips, the passages under
    the titles), the column chooser opened on the table's header, and the text zoomed."""
    from dataclasses import replace

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    from catalog.browsing import Filters

    articles = window.articles
    window.sidebar.select_filters(Filters(years=frozenset({2022})))
    articles.search_box.setText("officials")
    articles.filter()
    app.processEvents()
    written = [_save(window, folder / "search.png")]
    header = articles.table.horizontalHeader()
    menu = window.columns.menu
    at = header.mapTo(window, QPoint(header.sectionPosition(1) + 20, header.height()))
    menu.popup(window.mapToGlobal(at))
    app.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(at, menu.grab())
    painter.end()
    menu.hide()
    picture.save(str(folder / "columns.png"))
    written.append(folder / "columns.png")
    articles.search_box.clear()
    window.sidebar.select_filters(replace(Filters()))
    articles.filter()
    pane = window.detail.reading_pane
    pane.set_zoom(150)
    app.processEvents()
    written.append(_save(window, folder / "reading-zoomed.png"))
    pane.set_zoom(100)  # the zoom is kept in the settings: the next pictures at actual size
    app.processEvents()
    return written


def _story(window, app, seed: int, folder: Path) -> list[Path]:
    """The Story tab on a republication of the seed, and the republication compared with it."""
    from catalog import stories

    story = stories.story_of(seed)
    republished = next(copy.article_id for copy in story.copies if copy.outlet == "Daily Digest")
    window.articles.select_article(republished)
    window.detail.tabs.setCurrentWidget(window.detail.story)
    app.processEvents()
    written = [_save(window, folder / "story.png")]
    dialog = window.comparing.compare(seed, republished)
    dialog.resize(1200, 720)
    app.processEvents()
    written.append(_save(dialog, folder / "compare.png"))
    dialog.close()
    window.detail.tabs.setCurrentWidget(window.detail.editor)
    return written


def _save(widget, target: Path) -> Path:
    widget.grab().save(str(target))
    return target


def _pdf_pages(pdf: Path, stem: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt install poppler-utils): no report page", file=sys.stderr)
        return []
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", str(pdf), str(stem)], check=True)
    return sorted(stem.parent.glob(f"{stem.name}-*.png"))


if __name__ == "__main__":
    for path in render(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER):
        print(path)
