"""The layers stay apart: catalog/ never loads Qt, and ui/ asks catalog, never its tables."""

import ast
import importlib
import json
import subprocess
import sys

from catalog import watching
from tests.helpers import REPO

PROBE = """
import importlib, json, pkgutil, sys
import catalog
names = [m.name for m in pkgutil.walk_packages(catalog.__path__, "catalog.") if m.name != "catalog.__main__"]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "qt": sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "ui")))}))
"""


def test_importing_every_catalog_module_loads_no_pyside6():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert "catalog.cli" in found["modules"] and "catalog.models" in found["modules"]
    assert len(found["modules"]) >= 12
    assert found["qt"] == []


def _imports(path):
    """Every module a file imports, as written (``from a.b import c`` gives ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            if node.module == "catalog":
                yield from (f"catalog.{alias.name}" for alias in node.names)


def test_the_window_asks_the_domain_never_the_tables():
    """ui/ goes through catalog's functions: a query written in the window bypasses the checks
    (versions, limits, the other desk) that catalog's writers and readers make."""
    reaching = [
        f"{path.relative_to(REPO)} imports {name}"
        for path in sorted((REPO / "ui").rglob("*.py"))
        for name in _imports(path)
        if name == "catalog.models" or name == "peewee" or name.startswith(("peewee.", "playhouse"))
    ]
    assert reaching == []


def _strings(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def test_catalog_never_reaches_into_ui_not_even_by_name():
    """The window, PDF layout and desktop entry are added to the command line from ui/
    (ui/command_line.py); a module name in a string would hide the same dependency."""
    reaching = [
        f"{path.relative_to(REPO)}: {name!r}"
        for path in sorted((REPO / "catalog").rglob("*.py"))
        for name in [*_imports(path), *_strings(path)]
        if name == "ui" or name.startswith("ui.")
    ]
    assert reaching == []


def test_the_change_notices_channel_is_the_one_the_triggers_notify():
    migration = importlib.import_module("catalog.migrations.0010_change_notices")
    assert watching.CHANNEL == migration.CHANNEL


def _backend_checks(path):
    """Places in a file that ask which database the catalogue is on: ``isinstance`` with a
    peewee database class, or the old helper names that did so."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "isinstance"
            and len(node.args) == 2
        ):
            if "Database" in ast.unparse(node.args[1]):
                yield f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(node)}"
        elif isinstance(node, ast.Attribute | ast.Name) and (getattr(node, "attr", None) or node.id) in (
            "on_postgres",
            "is_sqlite",
        ):
            yield f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(node)}"


def test_only_the_backends_ask_which_database_a_catalogue_is_on():
    """What differs between SQLite and PostgreSQL is in catalog/backends/ (one file each),
    chosen once when a catalogue opens; the migrations, frozen, keep their own checks."""
    backends, migrations = REPO / "catalog" / "backends", REPO / "catalog" / "migrations"
    asking = [
        found
        for folder in ("catalog", "ui")
        for path in sorted((REPO / folder).rglob("*.py"))
        if backends not in path.parents and migrations not in path.parents
        for found in _backend_checks(path)
    ]
    assert asking == []
