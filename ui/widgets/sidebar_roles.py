"""The data roles of the sidebar's entries, shared by its model and its delegate."""

from PySide6.QtCore import Qt

KindRole = Qt.ItemDataRole.UserRole + 1  #: "saved", "outlet", "author", "topic", "year" or "story"
IdRole = Qt.ItemDataRole.UserRole + 2  #: the name's id, the year, or the story's number
NameRole = Qt.ItemDataRole.UserRole + 3  #: the name in full (a topic's whole path), for messages
CountRole = Qt.ItemDataRole.UserRole + 4  #: its articles, once counted
