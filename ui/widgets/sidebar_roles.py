"""The data roles of the sidebar's entries, shared by its model and its delegate."""

from PySide6.QtCore import Qt

KindRole = Qt.ItemDataRole.UserRole + 1  #: "saved", "outlet", "author", "topic" or "year"
IdRole = Qt.ItemDataRole.UserRole + 2  #: the name's id, or the year
NameRole = Qt.ItemDataRole.UserRole + 3  #: the name in full (a topic's whole path), for messages
CountRole = Qt.ItemDataRole.UserRole + 4  #: its articles, once counted
