"""Entry point for ``python -m catalog``: the same program as the ``catalog`` command.

The installed program adds the commands that need Qt (see pyproject.toml's scripts); it is
found by its entry point, so catalog/ never names the window's package. Without an
installation, the command line runs without them.
"""

import sys
from importlib.metadata import entry_points

from catalog.cli import main as headless_main

found = [
    point for point in entry_points(group="console_scripts", name="catalog") if point.dist.name == "catalog"
]
main = found[0].load() if found else headless_main

sys.exit(main())
