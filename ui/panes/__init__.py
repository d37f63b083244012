"""The main window's panes: the article list, the article detail beside it, and what shows a
change in them (the sidebar is ``ui.widgets.sidebar.Sidebar``, composed as it is)."""
