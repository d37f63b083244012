"""Where Catalog keeps its own things on this computer: the data folder (home of the default
catalogue) and the window's settings, worked out without Qt so the command line can say."""

import sys
from pathlib import Path

#: The names the window gives Qt (``QCoreApplication``), which place its settings.
ORGANIZATION = "Catalog"
APPLICATION = "Catalog"

#: The environment variable naming the catalogue when ``--db`` does not.
ENV_VAR = "CATALOG_DB"
DEFAULT_FILE_NAME = "catalog.sqlite3"


def data_folder() -> str:
    """The folder of the default catalogue (``~/.local/share/Catalog`` on Linux)."""
    import platformdirs  # here, not at the top: ``catalog --version`` needs no folder

    return platformdirs.user_data_dir(APPLICATION, appauthor=False)


def default_location() -> str:
    """The catalogue used when neither ``--db`` nor ``CATALOG_DB`` names one."""
    return str(Path(data_folder()) / DEFAULT_FILE_NAME)


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
    import platformdirs

    return str(Path(platformdirs.user_config_dir(ORGANIZATION, appauthor=False)) / f"{APPLICATION}.conf")
