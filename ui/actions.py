"""Every action of the main window in one table: its object name, text, keys, icon, and where it
goes (a menu, the main toolbar, the window itself). The menus and the toolbar are built from
the table, in its order; the controllers make the actions (``controllers.actions.window_action``)
and supply what they do."""

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from ui.resources import icon

Keys = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class Action:
    name: str  #: the object name: tests and the read-only window find the action by it
    text: str = ""
    keys: Keys = ""
    icon: str | None = None  #: a name in resources/icons, drawn in the palette's colours
    menu: str | None = None  #: a key of MENUS; None: the window's own (its keys work anywhere)
    #: (group, place) on the main toolbar: groups are parted by separators.
    toolbar: tuple[int, int] | None = None
    window: bool = False  #: also one of the window's own actions (listed with them in the help)
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole
    submenu: bool = False  #: a QMenu of that object name, shown as an item of ``menu``
    #: Changes the catalogue: turned off in a window on a read-only one.
    changes: bool = False


@dataclass(frozen=True)
class Separator:
    menu: str


@dataclass(frozen=True)
class Submenu:
    """A menu of the table's own inside ``menu``: actions whose ``menu`` is ``key`` go in it."""

    key: str
    title: str
    menu: str


#: The menu bar, left to right: (key, title).
MENUS = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("view", "&View"),
    ("claims", "&Claims"),
    ("stories", "S&tories"),
    ("help", "&Help"),
)

FIND = QKeySequence.StandardKey.Find
ACTIONS: tuple[Action | Separator | Submenu, ...] = (
    Action("actionFind", "&Find", FIND, "find"),
    # File
    Action("actionNewCatalogue", "&New Catalogue…", QKeySequence.StandardKey.New, "new-catalogue", "file"),
    Action("actionOpenCatalogue", "&Open Catalogue…", "Ctrl+Shift+K", "open-catalogue", "file"),
    Action("recentMenu", "Open &Recent", menu="file", submenu=True),
    Action("actionConnectShared", "Connect to S&hared Catalogue…", "", "connect-shared", "file"),
    Separator("file"),
    Action(
        "actionImportFiles",
        "Import &Files…",
        QKeySequence.StandardKey.Open,
        "import-files",
        "file",
        toolbar=(0, 1),
        changes=True,
    ),
    Action(
        "actionImportFolder",
        "Import Fol&der…",
        "Ctrl+Shift+O",
        "import-folder",
        "file",
        toolbar=(0, 0),
        changes=True,
    ),
    Action("actionImportJson", "Import &JSON…", menu="file", changes=True),
    Separator("file"),
    Action("actionPrint", "&Print…", QKeySequence.StandardKey.Print, "print", "file"),
    Action("actionPrintPreview", "Print Pre&view…", "Ctrl+Shift+P", "print-preview", "file", toolbar=(3, 0)),
    Submenu("export", "&Export", "file"),
    Action("actionExportPdf", "&PDF Report…", "Ctrl+Alt+P", "export-pdf", "export", toolbar=(3, 1)),
    Action("actionExportCsv", "&CSV (Spreadsheet)…", "", "export-csv", "export"),
    Action("actionExportJson", "&JSON (Whole Catalogue)…", "", menu="export"),
    Action("actionExportClaimReview", "Claim&Review (JSON-LD)…", "", menu="export"),
    Separator("export"),
    Action("actionExportCsl", "CSL-JSON (&Zotero)…", "", menu="export"),
    Action("actionExportRis", "R&IS (Zotero, EndNote)…", "", menu="export"),
    Separator("file"),
    Action("actionBackUp", "&Back Up…", "", "back-up", "file"),
    Separator("file"),
    Action("actionQuit", "&Quit", QKeySequence.StandardKey.Quit, menu="file", role=QAction.MenuRole.QuitRole),
    # Edit (Undo and Redo are made by undo_steps.UndoSteps, their text following the stack)
    Action("actionUndo", "&Undo", QKeySequence.StandardKey.Undo, "undo", "edit", toolbar=(1, 0), window=True),
    Action("actionRedo", "&Redo", QKeySequence.StandardKey.Redo, "redo", "edit", toolbar=(1, 1), window=True),
    Separator("edit"),
    # Cut, Copy, Paste and Select All act on the focused widget (ui/controllers/clipboard.py).
    Action("actionCut", "Cu&t", QKeySequence.StandardKey.Cut, menu="edit"),
    Action("actionCopy", "&Copy", QKeySequence.StandardKey.Copy, menu="edit"),
    Action("actionPaste", "&Paste", QKeySequence.StandardKey.Paste, menu="edit"),
    Action("actionSelectAll", "Select &All", QKeySequence.StandardKey.SelectAll, menu="edit"),
    Separator("edit"),
    Action("actionBatchEdit", "&Batch Edit…", "Ctrl+E", "batch-edit", "edit", changes=True),
    Action(
        "actionDelete",
        "&Delete Articles…",
        QKeySequence.StandardKey.Delete,
        "delete",
        "edit",
        # Delete in the table only: in a text field it deletes text.
        context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        changes=True,
    ),
    Action("actionManageNames", "Manage &Names…", "Ctrl+Shift+N", "manage-names", "edit", changes=True),
    Action("actionSaveSearch", "&Save Search…", "Ctrl+Shift+S", "save-search", "edit", changes=True),
    # Edit: search options (ui/controllers/search_options.py)
    Action("actionStemming", "En&glish Stemming", menu="edit", changes=True),
    Separator("edit"),
    Action("actionSuggestSummary", "Suggest Su&mmary", "Ctrl+Alt+S", "suggest", "edit", changes=True),
    Action(
        "actionSuggestSummaries", "Suggest Summar&ies for Selection…", "", "suggest", "edit", changes=True
    ),
    # View (and finding in the article, at the end of the Edit menu)
    Separator("edit"),
    Action("actionFindInArticle", "&Find in Article…", "Ctrl+Shift+F", "find", "edit"),
    Action("actionFindNext", "Find Ne&xt", QKeySequence.StandardKey.FindNext, menu="edit"),
    Action("actionFindPrevious", "Find Pre&vious", QKeySequence.StandardKey.FindPrevious, menu="edit"),
    Action("actionZoomIn", "Zoom &In", QKeySequence.StandardKey.ZoomIn, menu="view"),
    Action("actionZoomOut", "Zoom &Out", QKeySequence.StandardKey.ZoomOut, menu="view"),
    Action("actionActualSize", "&Actual Size", "Ctrl+0", menu="view"),
    Separator("view"),
    Action("actionShowSidebar", "Show &Sidebar", menu="view"),
    Action("actionShowEditor", "Show &Details and Claims", menu="view"),
    # The undo dock's own toggle: its text is set here, its role is the dock's.
    Action("actionUndoHistory", "Undo &History", menu="view", role=QAction.MenuRole.NoRole),
    # The table's column chooser (ui/controllers/table_columns.py)
    Action("columnsMenu", "&Columns", menu="view", submenu=True),
    Separator("view"),
    Action("actionFullScreen", "&Full Screen", QKeySequence.StandardKey.FullScreen, menu="view"),
    # Claims
    Action(
        "actionMarkClaim", "&Mark as Claim", "Ctrl+M", "mark-claim", "claims", toolbar=(2, 0), changes=True
    ),
    Action("actionLinkClaim", "&Link Claim…", "Ctrl+L", "link-claim", "claims", toolbar=(2, 1), changes=True),
    Action("actionSuggestLinks", "&Suggest Links…", "Ctrl+Shift+L", "suggest", "claims", changes=True),
    Action("actionClaimMap", "Claim M&ap…", "Ctrl+Shift+M", "claim-map", "claims", toolbar=(2, 2)),
    Action("actionClaimsBrowser", "Claims &Browser…", "Ctrl+Shift+C", "claims-browser", "claims"),
    Separator("claims"),
    Action("actionEditText", "Edit Article &Text…", "Ctrl+Shift+T", "edit-text", "claims", changes=True),
    # Articles (the table's context menu)
    Action(
        "actionOpenArticle",
        "&Open",
        "Return",
        # Return in the table only: in the search box it searches, in a field it ends the edit.
        context=Qt.ShortcutContext.WidgetShortcut,
    ),
    Action("actionEditArticle", "&Edit", "", changes=True),
    Action("actionNewTopic", "&New Topic…", "", changes=True),
    Action("actionMarkVerdict", "Mark &Verdict…", "", changes=True),
    Action("actionCopyTitle", "Copy T&itle", ""),
    Action("actionCopyCitation", "&Copy Citation", ""),
    Action("actionShowSourceFile", "Show &Source File", ""),
    # Stories: split and join by hand (ui/controllers/stories.py), compare two articles
    # (ui/controllers/comparing.py)
    Action("actionSplitFromStory", "S&plit from Story", menu="stories", changes=True),
    Action("actionJoinStories", "&Join Stories", menu="stories", changes=True),
    Separator("stories"),
    Action("actionCompareArticles", "Co&mpare Articles…", "Ctrl+Shift+D", menu="stories"),
    # Claims across copies (issue 18: claims travel)
    Separator("claims"),
    Action("actionMarkInCopies", "Mark in All &Copies", "", "mark-claim", "claims", changes=True),
    # Help
    Action("actionQuerySyntax", "&Query Syntax", QKeySequence.StandardKey.HelpContents, "help", "help"),
    Action("actionKeyboardShortcuts", "&Keyboard Shortcuts", "Ctrl+/", menu="help"),
    Separator("help"),
    Action("actionAbout", "&About Catalog", "", "about", "help", role=QAction.MenuRole.AboutRole),
)
BY_NAME = {row.name: row for row in ACTIONS if isinstance(row, Action)}
#: What changes the catalogue, turned off in a window on a read-only one (reading, searching,
#: exports, printing and backups stay).
CHANGING_ACTIONS = tuple(row.name for row in BY_NAME.values() if row.changes)


def build_menus(window: QMainWindow) -> None:
    """The menu bar, and the window's own actions, from the table: every action and submenu
    named there must have been made by then."""
    menus = {}
    for key, title in MENUS:
        menus[key] = window.menuBar().addMenu(title)
    for row in ACTIONS:
        if isinstance(row, Separator):
            menus[row.menu].addSeparator()
        elif isinstance(row, Submenu):
            menus[row.key] = menus[row.menu].addMenu(row.title)
            menus[row.key].setObjectName(f"{row.key}Menu")
        elif row.submenu:
            menus[row.menu].addMenu(_made(window, QMenu, row.name))
        else:
            action = _made(window, QAction, row.name)
            if row.menu is not None:
                menus[row.menu].addAction(action)
            if row.menu is None or row.window:
                window.addAction(action)


def build_toolbar(window: QMainWindow) -> QToolBar:
    """The main toolbar: the table's toolbar groups, in order, parted by separators."""
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(20, 20))
    placed = sorted((row.toolbar, row.name) for row in BY_NAME.values() if row.toolbar is not None)
    group = placed[0][0][0]
    for (number, _), name in placed:
        if number != group:
            toolbar.addSeparator()
            group = number
        toolbar.addAction(_made(window, QAction, name))
    return toolbar


def apply_icons(window: QMainWindow) -> None:
    """Icons in the palette's colours: again whenever the palette changes (light, dark)."""
    for row in BY_NAME.values():
        action = window.findChild(QAction, row.name) if row.icon else None
        if action is not None:
            action.setIcon(icon(row.icon))


def _made(window: QMainWindow, kind, name: str):
    found = window.findChild(kind, name)
    if found is None:
        raise LookupError(f"the window has no {kind.__name__} named {name}: make it before the menus")
    return found
