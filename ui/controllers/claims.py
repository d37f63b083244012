"""The Claims menu and the claims panel, for one window: marking claims in the reading pane,
editing, deleting and linking them, suggestions, the claim map, the claims browser, and editing
an article's text (its claims keep to their words). Every change is an undoable step."""

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from catalog import db_errors
from catalog.articles import get_article
from catalog.body_editing import replace_body
from catalog.claims.store import (
    claimant_names,
    get_claim,
    link_count,
)
from catalog.claims.suggestions import suggest_links
from catalog.claims.travel import claim_graph_with_copies
from catalog.editing import NoSuchArticle, VersionConflict
from catalog.watching import CONNECTION_ERRORS
from ui.controllers.actions import window_action
from ui.dialogs.claim_suggestions import SuggestionsDialog
from ui.dialogs.claims_browser import ClaimsBrowser
from ui.dialogs.edit_text import EditTextDialog
from ui.dialogs.link_claim import LinkClaimDialog
from ui.models.claim_models import one_line
from ui.operations import claims, travel
from ui.panes.article_detail import ArticleDetailPane
from ui.panes.article_list import ArticleListPane
from ui.session import CatalogSession
from ui.widgets.claim_map import ClaimMapDialog
from ui.write_task import WriteTask


class ClaimsController(QObject):
    """Makes the Claims menu's actions (``ui.actions`` places them) and does what the claims
    panel of ``detail`` asks; ``articles`` is the article list (the current article, and
    where a claim's article is shown)."""

    def __init__(
        self,
        window: QMainWindow,
        session: CatalogSession,
        *,
        articles: ArticleListPane,
        detail: ArticleDetailPane,
    ):
        super().__init__(window)
        self.window = window
        self.session = session
        self.articles = articles
        self.detail = detail
        self.claims_browser: ClaimsBrowser | None = None
        self.claim_map_dialog: ClaimMapDialog | None = None
        self.suggestions_dialog: SuggestionsDialog | None = None
        self.edit_text_dialog: EditTextDialog | None = None
        self._text_task: WriteTask | None = None
        panel = detail.claims_panel
        panel.link_followed.connect(self.open_claim)
        panel.link_requested.connect(self.link_claim)
        panel.suggest_requested.connect(self.suggest_claim_links)
        panel.map_requested.connect(self.show_claim_map)
        panel.delete_requested.connect(self.delete_claim)
        panel.unlink_requested.connect(self.unlink_claims)
        panel.mark_in_copies_requested.connect(self.mark_in_copies)
        panel.editor.edit_requested.connect(
            lambda i, e: self.edit_claim_fields(i, e, base=panel.editor.claim)
        )
        panel.editor.set_names_source(claimant_names)
        self.action_mark_claim = window_action(window, "actionMarkClaim", self.mark_claim)
        self.action_link_claim = window_action(
            window, "actionLinkClaim", lambda: self._for_claim(self.link_claim)
        )
        self.action_suggest_links = window_action(
            window, "actionSuggestLinks", lambda: self._for_claim(self.suggest_claim_links)
        )
        self.action_claim_map = window_action(
            window, "actionClaimMap", lambda: self._for_claim(self.show_claim_map)
        )
        self.action_claims_browser = window_action(window, "actionClaimsBrowser", self.open_claims_browser)
        self.action_edit_text = window_action(window, "actionEditText", self.edit_text)
        self.action_mark_in_copies = window_action(
            window, "actionMarkInCopies", lambda: self._for_claim(self.mark_in_copies)
        )
        detail.reading_pane.add_context_action(self.action_mark_claim)

    def open_claim(self, article_id: int, claim_id: int) -> None:
        """Show this claim in its article (clearing the search and filters if they hide it)."""
        if self.articles.model.row_of(article_id) is None:
            self.articles.clear_filters()
        self.articles.select_article(article_id)
        if self.articles.current_article_id() != article_id:
            return
        if self.detail.show_claim(claim_id):
            claim = get_claim(claim_id)
            if claim:
                self.detail.reading_pane.scroll_to_claim(claim)
        self.window.activateWindow()

    def open_passage(self, article_id: int, start: int, end: int) -> None:
        """Show this passage of an article selected in its text, ready to be marked."""
        if self.articles.model.row_of(article_id) is None:
            self.articles.clear_filters()
        self.articles.select_article(article_id)
        if self.articles.current_article_id() != article_id:
            return
        self.detail.tabs.setCurrentWidget(self.detail.claims_panel)
        self.detail.reading_pane.select_span(start, end)
        self.window.activateWindow()

    def _for_claim(self, run) -> None:
        claim_id = self.detail.claims_panel.current_claim_id()
        if claim_id is None:
            self.window.statusBar().showMessage(
                "Choose a claim first: click one in the text or in the Claims tab.", 5000
            )
            return
        run(claim_id)

    # --- changing -----------------------------------------------------------------

    def mark_claim(self) -> bool | None:
        """Make the text selected in the reading pane a claim of the article."""
        article_id = self.articles.current_article_id()
        span = self.detail.reading_pane.selected_span()
        if article_id is None or span is None:
            self.window.statusBar().showMessage(
                "Select some of the article's text first, then Mark as Claim.", 5000
            )
            return None
        return claims.mark_claim(
            session=self.session,
            parent=self.window,
            article_id=article_id,
            start=span[0],
            end=span[1],
            done=self._claim_marked,
        )

    def _claim_marked(self, claim_id: int | None) -> None:
        if claim_id is not None:
            self.detail.show_claim(claim_id)

    def edit_claim_fields(self, claim_id: int, edit, base: dict | None = None) -> bool:
        return claims.edit_claim(
            session=self.session, parent=self.window, claim_id=claim_id, edit=edit, base=base
        )

    def delete_claim(self, claim_id: int) -> None:
        claim = get_claim(claim_id)
        if claim is None:
            return
        links = link_count(claim_id)
        if links:
            answer = QMessageBox.question(
                self.window,
                "Delete Claim",
                f"Delete the claim “{one_line(claim['text'], 80)}” and its {links} link{'' if links == 1 else 's'}?"
                "\n\nEdit ▸ Undo brings them back.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        claims.delete_claim(session=self.session, parent=self.window, claim=claim)

    def link_claim(self, claim_id: int) -> bool:
        claim = get_claim(claim_id)
        dialog = LinkClaimDialog(claim, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.target_id() is None:
            return False
        return self.make_link(claim_id, dialog.target_id(), dialog.chosen_relation(), dialog.note.text())

    def make_link(self, source_id: int, target_id: int, relation: str, note: str = "") -> bool:
        return claims.link_claims(
            session=self.session,
            parent=self.window,
            source_id=source_id,
            target_id=target_id,
            relation=relation,
            note=note,
        )

    def unlink_claims(self, link_id: int) -> None:
        claims.unlink_claims(session=self.session, parent=self.window, link_id=link_id)

    def mark_in_copies(self, claim_id: int) -> bool:
        """Mark the claim in every copy of its article that has its words and lacks it, each
        linked to it as ``repeats``: one undoable step."""
        if not self.detail.claims_panel.copies_offer.passages:
            self.window.statusBar().showMessage(
                "No copy to mark: the article has no copy with the claim's words, or each one has "
                "the claim already.",
                5000,
            )
            return False
        return travel.mark_in_copies(
            session=self.session, parent=self.window, claim_id=claim_id, done=self._marked_in_copies
        )

    def _marked_in_copies(self, count: int | None) -> None:
        if count == 0:
            self.window.statusBar().showMessage("Every copy has the claim already.", 5000)
        elif count:
            self.window.statusBar().showMessage(
                f"Marked the claim in {count} cop{'y' if count == 1 else 'ies'}, each linked as repeating it.",
                5000,
            )

    def suggest_claim_links(self, claim_id: int) -> None:
        claim = get_claim(claim_id)
        dialog = SuggestionsDialog(claim, suggest_links(claim_id), self.window)
        dialog.link_chosen.connect(
            lambda suggestion, relation: self._accept_suggestion(dialog, claim_id, suggestion, relation)
        )
        self.suggestions_dialog = dialog
        dialog.show()

    def _accept_suggestion(self, dialog, claim_id: int, suggestion, relation: str) -> None:
        claims.accept_suggestion(
            session=self.session,
            parent=self.window,
            claim_id=claim_id,
            suggestion=suggestion,
            relation=relation,
            done=lambda accepted: accepted and dialog.mark_linked(suggestion),
        )

    def show_claim_map(self, claim_id: int) -> None:
        if self.claim_map_dialog is not None:
            self.claim_map_dialog.close()
        dialog = ClaimMapDialog(claim_graph_with_copies(claim_id), claim_id, self.window)
        dialog.map.claim_chosen.connect(self.open_claim)
        dialog.map.passage_chosen.connect(self.open_passage)
        self.claim_map_dialog = dialog
        dialog.show()

    def open_claims_browser(self) -> ClaimsBrowser:
        if self.claims_browser is None:
            self.claims_browser = ClaimsBrowser(self.window)
            self.claims_browser.claim_opened.connect(self.open_claim)
            browser_editor = self.claims_browser.editor
            browser_editor.edit_requested.connect(
                lambda i, e: self.edit_claim_fields(i, e, base=browser_editor.claim)
            )
            self.claims_browser.editor.set_names_source(claimant_names)
        self.claims_browser.refresh()
        self.claims_browser.show()
        self.claims_browser.raise_()
        return self.claims_browser

    # --- the article's text -------------------------------------------------------------

    def edit_text(self) -> EditTextDialog | None:
        """Edit the article's text in a dialog; its claims keep to their words. The dialog stays
        open, with the text, until it is saved or the user cancels."""
        article_id = self.articles.current_article_id()
        if article_id is None:
            return None
        if self.edit_text_dialog is not None:
            self.edit_text_dialog.deleteLater()  # the last one, closed
        dialog = EditTextDialog(get_article(article_id), self.window)
        dialog.save_requested.connect(partial(self.save_text, article_id, dialog=dialog))
        self.edit_text_dialog = dialog
        dialog.open()  # window-modal, and the window goes on (others' changes, the save's reply)
        return dialog

    def save_text(
        self, article_id: int, body: str, version: int, base: str, *, dialog: EditTextDialog
    ) -> None:
        """Save the text on the write pool, off the GUI thread (re-anchoring claims on a long
        article takes a moment); the dialog shows it is busy meanwhile and hears how it went."""
        if self.session.refuse():
            dialog.refused("the catalogue server cannot be reached; Save again once it is back")
            return
        save = partial(replace_body, article_id, body, expect_version=version, base=base)
        task = WriteTask(save, owner=self)
        task.signals.finished.connect(lambda changed: self._text_saved(article_id, changed, dialog))
        task.signals.failed.connect(lambda exc: self._text_not_saved(article_id, exc, dialog))
        self._text_task = task  # kept until it reports
        dialog.saving()
        self.session.write_pool.start(task)

    def _text_saved(self, article_id: int, changed, dialog: EditTextDialog) -> None:
        self._text_task = None
        claims.text_saved(session=self.session, article_id=article_id, changed=changed)
        dialog.accept()

    def _text_not_saved(self, article_id: int, exc: Exception, dialog: EditTextDialog) -> None:
        self._text_task = None
        location = self.session.catalogue.location
        if isinstance(exc, VersionConflict) and exc.fields:
            dialog.text_conflict(get_article(article_id))
        elif isinstance(exc, VersionConflict):
            dialog.refused(str(exc))
        elif isinstance(exc, NoSuchArticle):
            dialog.refused("someone else deleted this article meanwhile; copy your text to keep it")
        elif isinstance(exc, ValueError):  # a claim's words all gone, another article's text, too long
            dialog.refused(str(exc))
        elif db_errors.explain(exc, location):  # a full disk, a busy or read-only catalogue
            dialog.refused(db_errors.explain(exc, location))
        elif isinstance(exc, CONNECTION_ERRORS):
            self.session.fail(exc, self.window)
            dialog.refused("the catalogue server cannot be reached; Save again once it is back")
        else:
            dialog.refused(f"unexpected error ({type(exc).__name__}: {exc})")
