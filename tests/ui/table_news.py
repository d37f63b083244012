"""Articles for the table's tests: real-looking news with long outlet names and claims."""

from tests.helpers import article_file
from tests.ui.driving import import_and_wait

LONG_OUTLETS = ("Deutsche Welle (English edition)", "The Huffington Post United Kingdom", "Reuters")
STORIES = (
    (
        "Tanks roll into Kyiv as talks stall",
        "Reports of tanks and drones near Kyiv. The ministry said 4,000 troops moved on Tuesday.",
    ),
    (
        "Drones over Odesa port",
        "The White House said drones were seen over the port; officials said no tanks were involved.",
    ),
    (
        "Budget talks in Brussels resume",
        'Ministers discussed the budget, and the E.U. said a deal was "within reach".',
    ),
    (
        "Germany weighs new aid package",
        "Berlin is weighing a package of 1.5 bn euros, the chancellor's office said.",
    ),
)


def import_news(qtbot, window, folder, count: int = 8):
    """``count`` articles (bodies of their own) from the outlets above, imported in the window."""
    folder.mkdir(exist_ok=True)
    for number in range(count):
        title, body = STORIES[number % len(STORIES)]
        outlet = LONG_OUTLETS[number % len(LONG_OUTLETS)]
        header = (
            f" date 2022-{number % 9 + 1:02d}-0{number % 7 + 1} Authored by Writer {number} via {outlet},"
        )
        (folder / f"{number:02d}.txt").write_text(
            article_file(f"{title} ({number})", f"{body} Story number {number}.", header=header)
        )
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    return window


def import_three(qtbot, window, folder, *, body: str = "Text of {title}."):
    """Alpha (Daily, 2021), Beta (Weekly, 2022) and Gamma (Daily, 2022), Alpha filed under the
    topic Politics/Elections, imported in the window; ``body`` is each text, from its title."""
    from catalog.changes import EVERYTHING
    from catalog.editing import ArticleEdit, edit_article

    folder.mkdir()
    rows = [("Alpha", "Daily", "2021"), ("Beta", "Weekly", "2022"), ("Gamma", "Daily", "2022")]
    for number, (title, outlet, year) in enumerate(rows):
        header = f" date {year}-01-0{number + 1} Authored by Writer {number} via {outlet},"
        (folder / f"{number}.txt").write_text(article_file(title, body.format(title=title), header=header))
    report = import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    edit_article(report.imported[0].article_id, ArticleEdit(topics=["Politics/Elections"]))
    window.session.announce(EVERYTHING)
    return window
