"""The sidebar: saved searches, then outlets, authors, topics (as a tree) and years with article
counts, and the stories with copies (each as its first appearance's title, with its copies);
selecting entries filters the table (any entry within a group, every group at once).

The names are listed at once (a probe of an index each); their counts, which read every
article's links (seconds at a million articles), are read on a thread of their own, with its own
connection, and shown when they arrive (``counts_ready``); a reload meanwhile makes them stale,
and only the last reload's counts are shown. The stories come with the counts (finding each
one's first appearance reads every copy's date); until then the last ones read stay listed.

A chosen entry that a reload no longer lists (a merge, a batch edit, an undo, another desk)
is followed to where its articles went when the window can say (``where_went``: a merge's
target), or dropped; either way ``filters_followed`` says so, so that no filter stays active
that the sidebar does not show.
"""

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QThreadPool, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView

from catalog.browsing import Filters, SidebarEntry, sidebar_names
from catalog.listing import reads_in_background
from catalog.search.saved import saved_searches
from catalog.stories import StoryHeading, story_number, story_of
from ui.widgets.sidebar_delegate import SidebarDelegate
from ui.widgets.sidebar_roles import CountRole, IdRole, KindRole, NameRole
from ui.workers import STORY_HEADINGS, CountSignals, SidebarCountsTask, sidebar_counts

GROUPS = (
    ("saved", "Saved Searches"),
    ("outlet", "Outlets"),
    ("author", "Authors"),
    ("topic", "Topics"),
    ("year", "Years"),
    ("story", "Stories with copies"),
)
#: Why an entry is no longer listed, by kind.
NOTHING_LEFT = {
    "outlet": "no article has that outlet now",
    "author": "no article has that author now",
    "topic": "no article is filed under that topic now",
    "year": "no article is dated in that year now",
    "story": "its articles are no longer copies of one another",
}


class SidebarModel(QStandardItemModel):
    """The sidebar's entries: ``reload`` lists the names, ``show_counts`` adds their counts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: dict[tuple[str, int], QStandardItem] = {}
        #: The stories with copies as last read (with the counts): listed again at a reload.
        self.stories: list[StoryHeading] = []

    def reload(self) -> None:
        """List the names, without counts."""
        self.clear()
        self._items = {}
        groups = {}
        for kind, label in GROUPS:
            group = QStandardItem(label)
            group.setEditable(False)
            group.setSelectable(False)
            self.appendRow(group)
            groups[kind] = group
        for saved in saved_searches():
            item = self._item(SidebarEntry("saved", saved.id, saved.name, None))
            item.setSelectable(False)  # choosing one applies its search; it is not a filter itself
            groups["saved"].appendRow(item)
        topics: dict[int, QStandardItem] = {}
        for entry in sidebar_names():
            item = self._item(entry)
            if entry.kind == "topic":
                topics[entry.id] = item
                parent = topics.get(entry.parent_id, groups["topic"])
                if parent is not groups["topic"]:
                    item.setData(f"{parent.data(NameRole)}/{entry.name}", NameRole)
            else:
                parent = groups[entry.kind]
            parent.appendRow(item)
        self._list_stories(groups["story"])

    def show_stories(self, stories: list[StoryHeading]) -> None:
        """List these stories (read with the counts) in place of those listed."""
        self.stories = stories
        group = self.item(next(row for row, (kind, _) in enumerate(GROUPS) if kind == "story"))
        if group is None:
            return
        group.removeRows(0, group.rowCount())
        self._items = {key: item for key, item in self._items.items() if key[0] != "story"}
        self._list_stories(group)

    def list_story(self, story: StoryHeading) -> None:
        """List ``story`` now, if it is not (read since the stories were last listed)."""
        if ("story", story.number) not in self._items:
            self.stories = [*self.stories, story]
            self.show_stories(self.stories)

    def _list_stories(self, group: QStandardItem) -> None:
        items = [self._item(SidebarEntry("story", s.number, s.title, s.count)) for s in self.stories]
        for item, story in zip(items, self.stories):
            _show_count(item, story.count)
        group.appendRows(items)  # in one go: thousands of stories, one announcement

    def _item(self, entry: SidebarEntry) -> QStandardItem:
        item = QStandardItem(entry.name)
        item.setEditable(False)
        item.setData(entry.kind, KindRole)
        item.setData(entry.id, IdRole)
        item.setData(entry.name, NameRole)
        item.setToolTip(entry.name)  # in full, where the sidebar is too narrow for it
        self._items[entry.kind, entry.id] = item
        return item

    def show_counts(self, counts: dict[tuple[str, int], int | None]) -> None:
        """Add ``counts`` (by kind and id; None: a saved search that cannot be run) to the
        entries listed; an entry the counts do not know (listed after they were read) waits
        for the next reload's."""
        # Changed quietly, then announced a group (or a topic's sub-topics) at a time: 2,000
        # authors announced one by one kept the window busy for a tenth of a second.
        changed: dict[int, tuple[QModelIndex, list[int]]] = {}  # by the parent item's id()
        blocked = self.blockSignals(True)
        try:
            for key, item in self._items.items():
                if key in counts:
                    _show_count(item, counts[key])
                    parent = item.parent()
                    where = changed.setdefault(id(parent), (parent.index() if parent else QModelIndex(), []))
                    where[1].append(item.row())
        finally:
            self.blockSignals(blocked)
        for parent_index, rows in changed.values():
            self.dataChanged.emit(
                self.index(min(rows), 0, parent_index), self.index(max(rows), 0, parent_index)
            )


def _node(index) -> tuple:
    """What an entry is, whatever its count: a group by its label, a name by its id."""
    return (index.data(KindRole), index.data(IdRole)) if index.parent().isValid() else (None, index.data())


def _show_count(item: QStandardItem, count: int | None) -> None:
    name = item.data(NameRole).rsplit("/", 1)[-1] if item.data(KindRole) == "topic" else item.data(NameRole)
    item.setData(count, CountRole)
    if count is None:  # a saved search whose query cannot be run now
        item.setText(f"{name}  (?)")
        item.setToolTip(f"{name}\nThis search cannot be run as it is: choose it to see why")
    else:
        item.setText(f"{name}  ({count:,})")
        item.setToolTip(f"{name}\n{count:,} article{'' if count == 1 else 's'}")
    if item.data(KindRole) == "story":
        item.setToolTip(f"{name}\nFirst appearance of a story of {count:,} copies")


class Sidebar(QTreeView):
    filters_changed = Signal(object)  #: the new Filters
    #: A reload changed what is chosen (an entry gone, followed or dropped): what, in words.
    filters_followed = Signal(str)
    saved_search_chosen = Signal(int)  #: the saved search's id
    rename_saved_requested = Signal(int)
    delete_saved_requested = Signal(int)
    #: The counts of the last reload are shown.
    counts_ready = Signal()
    #: A reload listed the names again (a chosen one perhaps renamed): what is chosen may read
    #: differently, though it is the same.
    names_shown = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("Filter by outlet, author, topic, year or story")
        self.setHeaderHidden(True)
        # A long name loses its middle, not its end or its count ("Deutsche…edition)  12"): the
        # tooltip has it all.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setItemDelegate(SidebarDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setModel(SidebarModel(self))
        #: The articles of each chosen story, as last read: followed when its number changes (a
        #: story is numbered by its smallest article id, which a split or a join may take away).
        self._story_articles: dict[int, list[int]] = {}
        self.selectionModel().selectionChanged.connect(lambda *_: self._remember_stories())
        self.selectionModel().selectionChanged.connect(lambda *_: self.filters_changed.emit(self.filters()))
        self.clicked.connect(self._clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        #: (kind, id) of an entry no longer listed -> ids of the kind's names its articles went to.
        self.where_went: Callable[[str, int], list[int]] = lambda kind, name_id: []
        #: Whether the counts of the last reload are still being read.
        self.counting = False
        self._reloads = 0  # which reload counts arriving belong to
        self._count_pool = QThreadPool(self)
        self._count_pool.setMaxThreadCount(1)  # a newer count waits for (and skips) an older one
        self._count_signals = CountSignals(self)
        self._count_signals.counted.connect(self._counted)
        self._count_tasks: list[SidebarCountsTask] = []

    def _clicked(self, index) -> None:
        if index.data(KindRole) == "saved":
            self.saved_search_chosen.emit(index.data(IdRole))

    def _context_menu(self, position) -> None:
        index = self.indexAt(position)
        if index.data(KindRole) != "saved":
            return
        menu = QMenu(self)
        menu.addAction("&Rename…", lambda: self.rename_saved_requested.emit(index.data(IdRole)))
        menu.addAction("&Delete", lambda: self.delete_saved_requested.emit(index.data(IdRole)))
        menu.exec(self.viewport().mapToGlobal(position))

    def select_filters(self, filters: Filters) -> None:
        """Make the sidebar's selection say ``filters`` (the query aside)."""
        chosen = {("outlet", i) for i in filters.outlet_ids} | {("author", i) for i in filters.author_ids}
        chosen |= {("topic", i) for i in filters.topic_ids} | {("year", i) for i in filters.years}
        chosen |= {("story", i) for i in filters.story_ids}
        self.selectionModel().blockSignals(True)
        self.clearSelection()
        self._select(chosen)
        self.selectionModel().blockSignals(False)
        self.viewport().update()

    def reload(self) -> None:
        """Read counts again, keeping what was selected and which groups were open. A chosen
        entry no longer listed is followed to where its articles went, or dropped, and
        ``filters_followed`` says which."""
        chosen = {
            (index.data(KindRole), index.data(IdRole)): index.data(NameRole)
            for index in self.selectionModel().selectedIndexes()
        }
        expanded = {_node(index) for index in self._all_indexes() if self.isExpanded(index)}
        self.selectionModel().blockSignals(True)
        self.model().reload()
        for index in self._all_indexes():
            if index.parent().isValid():
                self.setExpanded(index, _node(index) in expanded)
            else:  # a group: all open the first time
                self.setExpanded(index, _node(index) in expanded or not expanded)
        kept = self._select(set(chosen))
        gone = {key: name for key, name in chosen.items() if key not in kept}
        notes = [self._follow(kind, name_id, name) for (kind, name_id), name in sorted(gone.items())]
        self.selectionModel().blockSignals(False)
        if notes:
            self.viewport().update()
            self.filters_followed.emit(" ".join(notes))
        self.names_shown.emit()
        self._count()

    def _remember_stories(self) -> None:
        chosen = sorted(entry_id for kind, entry_id in self._chosen() if kind == "story")
        stories = {number: story_of(number, shares=False) for number in chosen}
        # A story no longer there (listed until the counts come) keeps the articles it had.
        self._story_articles = {
            number: story.articles if story else self._story_articles.get(number, [number])
            for number, story in stories.items()
        }

    def _count(self) -> None:
        """Read the counts of the names just listed: in the background, unless the catalogue
        lives in this connection's memory only (no other connection would see it)."""
        self._reloads += 1
        self.counting = True
        if not reads_in_background():
            self._counted(self._reloads, sidebar_counts())
            return
        reload = self._reloads
        task = SidebarCountsTask(
            wanted=lambda: reload == self._reloads, reload=reload, signals=self._count_signals
        )
        self._count_tasks = [*(t for t in self._count_tasks if not t.done), task]
        self._count_pool.start(task)

    def _counted(self, reload: int, counts: dict) -> None:
        if reload != self._reloads:
            return  # read for a listing reloaded since
        stories = counts.pop(STORY_HEADINGS, None)
        self.model().show_counts(counts)
        if stories is not None:
            self._show_stories(stories)
        self.counting = False
        self.counts_ready.emit()

    def _show_stories(self, stories: list[StoryHeading]) -> None:
        """List the stories read with the counts, keeping those chosen; a chosen one no longer
        listed is followed to where its articles are now, or dropped (``filters_followed``)."""
        chosen = {
            (index.data(KindRole), index.data(IdRole)): index.data(NameRole)
            for index in self.selectionModel().selectedIndexes()
            if index.data(KindRole) == "story"
        }
        self.selectionModel().blockSignals(True)
        self.model().show_stories(stories)
        kept = self._select(set(chosen))
        gone = {key: name for key, name in chosen.items() if key not in kept}
        notes = [self._follow(kind, number, name) for (kind, number), name in sorted(gone.items())]
        self.selectionModel().blockSignals(False)
        self._remember_stories()
        if notes:
            self.viewport().update()
            self.filters_followed.emit(" ".join(notes))
        if chosen:
            self.names_shown.emit()  # a chosen story's first appearance may be another now

    def _follow(self, kind: str, name_id: int, name: str) -> str:
        """Choose where the articles of an entry no longer listed went; what happened, in words."""
        if kind == "story":  # split or joined: wherever its articles are in a story now
            numbers = {story_number(article) for article in self._story_articles.get(name_id, [name_id])}
            targets = {(kind, number) for number in numbers if number is not None}
        else:
            targets = {(kind, target) for target in self.where_went(kind, name_id)}
        found = self._select(targets) if targets else set()
        if not found:
            return f"Filter on {kind} “{name}” removed: {NOTHING_LEFT[kind]}."
        names = ", ".join(f"“{index.data(NameRole)}”" for index in self._indexes_of(found))
        return f"Filter on {kind} “{name}” now on {names}, where its articles went."

    def filters(self) -> Filters:
        chosen: dict[str, set[int]] = {k: set() for k in ("outlet", "author", "topic", "year", "story")}
        for kind, value in self._chosen():
            if kind in chosen:
                chosen[kind].add(value)
        return Filters(
            outlet_ids=frozenset(chosen["outlet"]),
            author_ids=frozenset(chosen["author"]),
            topic_ids=frozenset(chosen["topic"]),
            years=frozenset(chosen["year"]),
            story_ids=frozenset(chosen["story"]),
        )

    def choose_story(self, story: StoryHeading) -> None:
        """Filter by ``story`` alone (listed first if it is not yet); ``filters_changed`` is
        not emitted: the caller filters."""
        self.model().list_story(story)
        self.select_filters(Filters(story_ids=frozenset({story.number})))
        self._remember_stories()

    def clear_filters(self) -> None:
        self.clearSelection()

    def chosen_entries(self) -> list[tuple[str, int, str]]:
        """What is chosen, as the sidebar lists it: (kind, id, full name), top to bottom."""
        chosen = self._chosen()
        return [
            (index.data(KindRole), index.data(IdRole), index.data(NameRole))
            for index in self._all_indexes()
            if (index.data(KindRole), index.data(IdRole)) in chosen
        ]

    def unchoose(self, kind: str, entry_id: int) -> None:
        """No longer filter by this entry (``filters_changed`` says so)."""
        for index in self._indexes_of({(kind, entry_id)}):
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Deselect)

    def topics_by_use(self, limit: int) -> list[str]:
        """The full names of the ``limit`` topics with most articles (as last counted)."""
        topics = [
            (-(index.data(CountRole) or 0), index.data(NameRole))
            for index in self._all_indexes()
            if index.data(KindRole) == "topic"
        ]
        return [name for _, name in sorted(topics)[:limit]]

    def saved_search_name(self, search_id: int) -> str | None:
        found = self._indexes_of({("saved", search_id)})
        return found[0].data(NameRole) if found else None

    def _chosen(self) -> set[tuple[str, int]]:
        return {
            (index.data(KindRole), index.data(IdRole)) for index in self.selectionModel().selectedIndexes()
        }

    def _select(self, chosen: set[tuple[str, int]]) -> set[tuple[str, int]]:
        """Select these entries; returns those that are listed."""
        found = set()
        for index in self._indexes_of(chosen):
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)
            found.add((index.data(KindRole), index.data(IdRole)))
            parent = index.parent()
            while parent.isValid():  # a chosen sub-topic is never hidden in a closed topic
                self.expand(parent)
                parent = parent.parent()
        return found

    def _indexes_of(self, entries: set[tuple[str, int]]):
        return [i for i in self._all_indexes() if (i.data(KindRole), i.data(IdRole)) in entries]

    def _all_indexes(self):
        """Every entry, in the order the sidebar shows them."""
        pending = [self.model().index(row, 0) for row in reversed(range(self.model().rowCount()))]
        while pending:
            index = pending.pop()
            yield index
            rows = reversed(range(self.model().rowCount(index)))
            pending += [self.model().index(row, 0, index) for row in rows]
