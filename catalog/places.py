"""Where Catalog keeps its own things on this computer: the data folder (home of the default
catalogue) and the window's settings, worked out without Qt so the command line can say."""

import sys
from pathlib import Path

import platformdirs

#: The names the window gives Qt (``QCoreApplication``), which place its settings.
ORGANIZATION = "Catalog"
APPLICATION = "Catalog"


def data_folder() -> str:
    """The folder of the default catalogue (``~/.local/share/Catalog`` on Linux)."""
    return platformdirs.user_data_dir(APPLICATION, appauthor=False)


def settings_location() -> str:
    """Where the window's settings live: QSettings' native place for our organisation and
    application names (recent catalogues, window layout; never a password)."""
    if sys.platform == "win32":
        return rf"HKEY_CURRENT_USER\Software\{ORGANIZATION}\{APPLICATION}"
    if sys.platform == "darwin":
        return str(
            Path.home() / "Library" / "Preferences" / f"com.{ORGANIZATION.lower()}.{APPLICATION}.plist"
        )
    # XDG: $XDG_CONFIG_HOME, else ~/.config, as Qt reads it on Linux and the other Unixes
    return str(Path(platformdirs.user_config_dir(ORGANIZATION, appauthor=False)) / f"{APPLICATION}.conf")
