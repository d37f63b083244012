"""Reading article files and bringing them into the catalogue."""

from catalog.importing.importer import ImportReport, import_paths

__all__ = ["ImportReport", "import_paths"]
