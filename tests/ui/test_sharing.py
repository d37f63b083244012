"""A shared catalogue: others' saves show up in an open window within seconds, keeping the
user's place and typing; a server that goes away is shown, edits wait, and nothing is lost."""

import threading

from PySide6.QtCore import QItemSelectionModel, Qt

from catalog.articles import get_article
from catalog.catalogue import close_catalogue
from catalog.db import database
from catalog.editing import ArticleEdit, delete_articles, edit_article
from catalog.importing.importer import import_paths
from tests.helpers import article_file, make_article_files, run_catalog
from tests.ui.driving import import_and_wait, open_one_article
from ui.app import open_window
from ui.models.article_table_model import COL_TITLE


def as_someone_else(work) -> None:
    """Another desk saving: a thread has its own connection to the catalogue."""
    thread = threading.Thread(target=lambda: (work(), database.obj.close()))
    thread.start()
    thread.join()


def titles_shown(window) -> list[str]:
    model = window.articles.model
    return [model.index(row, COL_TITLE).data() for row in range(model.rowCount())]


def test_others_changes_appear_and_the_user_keeps_their_place(window, qtbot, tmp_path):
    make_article_files(tmp_path / "many", 120, paragraphs=1)
    import_and_wait(qtbot, window, [str(tmp_path / "many")])
    window.resize(1000, 600)
    model, table = window.articles.model, window.articles.table
    window.articles.select_row(60)
    current = window.articles.current_article_id()
    also = model.index(62, COL_TITLE)
    table.selectionModel().select(
        also, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    table.scrollTo(model.index(55, COL_TITLE), table.ScrollHint.PositionAtTop)
    top = window.articles.top_article_id()
    selected = sorted(window.articles.selected_article_ids())
    other = model.index(57, COL_TITLE).data(model.ArticleIdRole)

    new_file = tmp_path / "new" / "late.txt"
    new_file.parent.mkdir()
    new_file.write_text(article_file("A late arrival", "Text.", " date 2021-01-01 via Daily,"))
    as_someone_else(lambda: edit_article(other, ArticleEdit(title="Retitled by the desk")))
    as_someone_else(lambda: import_paths([new_file]))

    qtbot.waitUntil(lambda: "Retitled by the desk" in titles_shown(window), timeout=6000)
    assert "A late arrival" in titles_shown(window)
    assert window.articles.count_label.text() == "121 articles"
    assert window.articles.current_article_id() == current
    assert sorted(window.articles.selected_article_ids()) == selected
    assert window.articles.top_article_id() == top
    assert window.banner.isHidden()


def look_a_few_times(window, qtbot) -> None:
    """The watcher's look, as its timer makes it, until the notices of every commit are in."""
    for _ in range(5):
        window.session.check_for_changes()
        qtbot.wait(50)


def article_files(folder, count: int, first: int = 0) -> str:
    folder.mkdir()
    for number in range(first, first + count):
        text = article_file(f"Story {number}", f"Text of story {number}, told once.", " via Daily,")
        (folder / f"{number}.txt").write_text(text)
    return str(folder)


def test_the_windows_own_import_is_not_told_as_changes_by_others(window, qtbot, tmp_path):
    import_and_wait(qtbot, window, [article_files(tmp_path / "mine", 3)])
    window.importer.report_dialog.close()
    look_a_few_times(window, qtbot)

    message = window.statusBar().currentMessage()
    assert message.startswith("Import finished: 3 imported"), message
    assert "others" not in message and "another program" not in message


def test_looks_while_the_windows_own_import_runs_say_nothing_of_others(window, qtbot, tmp_path):
    said = []
    window.statusBar().messageChanged.connect(said.append)
    window.session._watch_timer.setInterval(10)  # the watcher looks many times during the import
    make_article_files(tmp_path / "many", 150, paragraphs=1)
    import_and_wait(qtbot, window, [str(tmp_path / "many")])
    window.importer.report_dialog.close()
    look_a_few_times(window, qtbot)

    assert window.articles.count_label.text() == "150 articles"
    assert [text for text in said if "other" in text] == []


def test_an_import_by_another_program_is_told_with_what_it_added(window, qtbot, tmp_path):
    import_and_wait(qtbot, window, [article_files(tmp_path / "mine", 2)])
    window.importer.report_dialog.close()
    look_a_few_times(window, qtbot)  # the window's own import, taken in silently

    done = run_catalog("--db", window.catalogue.location, "import", article_files(tmp_path / "theirs", 3, 10))
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(
        lambda: (window.session.check_for_changes(), window.articles.model.rowCount() == 5)[1], timeout=6000
    )

    assert window.statusBar().currentMessage() == "3 articles added by another program."
    assert window.articles.count_label.text() == "5 articles"


def test_others_edits_and_deletions_are_told_as_such(window, qtbot, tmp_path):
    report = import_and_wait(qtbot, window, [article_files(tmp_path / "mine", 3)])
    window.importer.report_dialog.close()
    look_a_few_times(window, qtbot)
    first, second, _ = (imported.article_id for imported in report.imported)

    as_someone_else(lambda: edit_article(first, ArticleEdit(summary="Checked by the desk")))
    look_a_few_times(window, qtbot)
    assert window.statusBar().currentMessage() == "1 article changed by another program."

    as_someone_else(lambda: delete_articles([second]))
    look_a_few_times(window, qtbot)
    assert window.articles.model.rowCount() == 2
    assert window.statusBar().currentMessage() == "1 article deleted by another program."


def test_the_users_typing_survives_a_reload_and_saves_beside_their_change(window, qtbot, tmp_path):
    article_id = open_one_article(qtbot, window, tmp_path)
    window.detail.editor.title_edit.setFocus()
    window.detail.editor.title_edit.selectAll()
    qtbot.keyClicks(window.detail.editor.title_edit, "Budget night")

    as_someone_else(lambda: edit_article(article_id, ArticleEdit(summary="Their summary")))
    window.session.check_for_changes()

    assert window.detail.editor.summary_edit.toPlainText() == "Their summary"
    assert window.detail.editor.title_edit.text() == "Budget night"  # still being typed
    qtbot.keyClick(window.detail.editor.title_edit, Qt.Key.Key_Return)
    saved = get_article(article_id)
    assert (saved["title"], saved["summary"]) == ("Budget night", "Their summary")


def test_a_server_gone_is_shown_edits_wait_and_save_when_it_is_back(
    qtbot, tmp_path, postgres_server, postgres_url
):
    window = open_window(postgres_url)
    qtbot.addWidget(window)
    window.show()
    article_id = open_one_article(qtbot, window, tmp_path)
    name = postgres_url.rsplit("/", 1)[1]

    postgres_server.cut_off(name)
    window.session.check_for_changes()
    assert window.banner.isVisible()
    assert "Not connected" in window.banner.text() and "127.0.0.1" in window.banner.text()

    editor = window.detail.editor
    editor.title_edit.setFocus()
    editor.title_edit.selectAll()
    qtbot.keyClicks(editor.title_edit, "Budget night")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert "Not saved" in window.statusBar().currentMessage()
    assert editor.title_edit.text() == "Budget night"  # refused, not lost
    assert window.session.undo_stack.count() == 0
    window.session.check_for_changes()  # still gone: still shown
    assert window.banner.isVisible()

    postgres_server.restore(name)
    window.session.check_for_changes()
    assert window.banner.isHidden()
    assert get_article(article_id)["title"] == "Budget night"  # the kept typing, saved on return
    assert editor.title_edit.text() == "Budget night"
    assert window.session.undo_stack.count() == 1
    window.close()
    close_catalogue()
