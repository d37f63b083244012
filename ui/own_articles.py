"""This window's own writes to articles, remembered so that an edit typed before the writes in
flight came back is brought up to them instead of clashing with the user's own saves.

The editor holds the article at the version it showed. When this window has since written
that article itself (an edit, an undo, a redo still on the writer as the user typed on), the
version moved, and the catalogue would take the next edit for someone else's: a conflict
dialog against oneself. Each own write is remembered as "version v became v + 1, now reading
so", only when nobody else wrote in between (the version moved by exactly one), and an edit
made from version v is sent as made from v + 1. A change from another desk breaks the chain,
and is checked as ever.
"""

from dataclasses import dataclass

from catalog.articles import get_article

KEPT = 200  #: own writes remembered (a few per article the user is typing in is enough)


@dataclass(frozen=True)
class OwnWrite:
    article_id: int
    from_version: int
    article: dict  #: as it read after the write, version included


def read_own_write(article_id: int, from_version: int | None) -> OwnWrite | None:
    """On the writer, right after it saved the article: the write, if it alone moved the
    version (None when another desk's commit came in between: that one is checked)."""
    article = get_article(article_id)
    if article is None or from_version is None or article["version"] != from_version + 1:
        return None
    return OwnWrite(article_id, from_version, article)


class OwnArticles:
    """Own writes by (article, version written from); on the GUI thread."""

    def __init__(self):
        self._writes: dict[tuple[int, int], OwnWrite] = {}

    def remember(self, write: OwnWrite | None) -> None:
        if write is None:
            return
        if len(self._writes) >= KEPT:
            self._writes.pop(next(iter(self._writes)))
        self._writes[(write.article_id, write.from_version)] = write

    def rebase(self, article_id: int, version: int, base: dict | None) -> tuple[int, dict | None]:
        """The version and article an edit made from ``version`` (and ``base``) is made from,
        counting this window's own writes since."""
        for _ in range(KEPT):
            write = self._writes.get((article_id, version))
            if write is None:
                break
            version = write.article["version"]
            base = write.article if base is not None else None
        return version, base
