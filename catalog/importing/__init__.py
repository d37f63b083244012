"""Reading article files and bringing them into the catalogue."""

__all__ = ["ImportReport", "import_paths"]


def __getattr__(name: str):
    # Loaded when first asked for: the command line reads the import options' limits from
    # catalog.importing.files without paying for the importer (the catalogue, its driver).
    if name in __all__:
        from catalog.importing import importer

        return getattr(importer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
