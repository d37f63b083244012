"""The seed articles shipped with Catalog, imported into a new default catalogue."""

from importlib.resources import files
from pathlib import Path

from catalog.importing import ImportReport, import_paths


def seeds_folder() -> Path | None:
    """The installed seeds (``catalog/seed_articles`` in a wheel) or the source tree's ``seeds/``."""
    installed = Path(str(files("catalog") / "seed_articles"))
    if installed.is_dir():
        return installed
    source_tree = Path(__file__).resolve().parent.parent / "seeds"
    return source_tree if source_tree.is_dir() else None


def import_seeds() -> ImportReport:
    folder = seeds_folder()
    return import_paths([folder]) if folder else ImportReport()
