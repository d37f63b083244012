"""Stories ▸ Compare Articles: two articles side by side, what changed between them marked
(ui/dialogs/compare.py), for the two selected in the table or two a caller names (the Story
tab's copies)."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow

from catalog.stories.compare import NoSuchArticle, compare_articles
from ui.controllers.actions import window_action
from ui.dialogs.compare import CompareDialog


class ComparingController(QObject):
    """Makes the action ``actionCompareArticles`` (on while exactly two articles are selected)
    and opens comparisons: ``compare(left_id, right_id)``."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.articles = window.articles
        self.dialog: CompareDialog | None = None  #: the comparison shown last, while open
        self.action = window_action(window, "actionCompareArticles", self.compare_selected)
        self.action.setEnabled(False)
        table = self.articles.table
        table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        table.model().modelReset.connect(self._update)

    def _update(self) -> None:
        self.action.setEnabled(len(self.articles.selected_article_ids()) == 2)

    def compare_selected(self) -> CompareDialog | None:
        """The two selected articles compared, the earlier dated on the left."""
        chosen = self.articles.selected_article_ids()
        if len(chosen) != 2:
            self.window.statusBar().say("Select two articles to compare them.", 5000)
            return None
        return self.compare(*_in_date_order(chosen))

    def compare(self, left_id: int, right_id: int) -> CompareDialog | None:
        """Show the comparison of two articles (left and right as given), in a window of its own."""
        try:
            compared = compare_articles(left_id, right_id)
        except NoSuchArticle as exc:
            self.window.statusBar().say(f"Nothing to compare: {exc}.", 5000)
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = CompareDialog(compared, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.article_opened.connect(self.articles.select_article)
        dialog.finished.connect(lambda *_: self._forget(dialog))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _forget(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None


def _in_date_order(ids: list[int]) -> list[int]:
    """The earlier dated first (an undated one last), then the lower id."""
    from catalog.articles import iter_articles

    dates = {article["id"]: article["date"] for article in iter_articles(ids=ids)}
    return sorted(ids, key=lambda i: (dates.get(i) is None, dates.get(i) or "", i))
