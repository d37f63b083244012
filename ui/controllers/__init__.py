"""Controllers: the window's menus and the work behind them, each composed into the window."""
