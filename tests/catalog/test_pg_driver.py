"""PostgreSQL's driver is loaded for a PostgreSQL catalogue only, and then peewee has it
exactly as if it had found it when it loaded."""

import json
import subprocess
import sys

from tests.helpers import REPO

#: Everything in peewee (and its psycopg 3 adapter) that came from psycopg, by name.
DRIVER_STATE = """
import json, sys
import peewee
import playhouse.migrations
import playhouse.postgres_ext

def from_psycopg(value):
    if isinstance(value, type(sys)):
        return value.__name__.startswith("psycopg")
    if isinstance(value, type):
        return value.__module__.startswith("psycopg")
    return type(value).__module__.startswith("psycopg")

places = {
    "peewee": vars(peewee),
    "Psycopg3Adapter": vars(peewee.Psycopg3Adapter),
    "postgres_ext": vars(playhouse.postgres_ext),
}
print(json.dumps({
    f"{where}.{name}": repr(value)
    for where, names in places.items()
    for name, value in names.items()
    if from_psycopg(value)
}, sort_keys=True))
"""


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_peewee_is_handed_psycopg_as_it_would_have_taken_it():
    found_by_peewee = json.loads(_run(DRIVER_STATE))
    handed = json.loads(
        _run(
            "import catalog, peewee, playhouse.migrations\nfrom catalog import pg_driver\npg_driver.load()\n"
            + DRIVER_STATE
        )
    )
    assert "peewee.psycopg" in found_by_peewee and len(found_by_peewee) >= 6
    assert handed == found_by_peewee


def test_a_sqlite_catalogue_never_loads_the_postgresql_driver(tmp_path):
    db = tmp_path / "c.sqlite3"
    code = (
        "import sys\n"
        "from ui.command_line import main\n"
        f"main(['--db', {str(db)!r}, 'new'][:0] + ['new', {str(db)!r}])\n"
        f"main(['--db', {str(db)!r}, 'search', 'ukraine'])\n"
        f"main(['--db', {str(db)!r}, 'list', '--json'])\n"
        "print(sorted(name for name in sys.modules if name.startswith('psycopg')))\n"
    )
    out = _run(code)
    assert out.splitlines()[-1] == "[]"


def test_the_version_and_help_load_neither_the_catalogue_nor_qt():
    code = (
        "import sys\n"
        "from ui.command_line import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('peewee', 'PySide6', 'psycopg', 'charset_normalizer')))\n"
    )
    assert _run(code).splitlines()[-1] == "[]"


def test_a_search_of_a_current_catalogue_loads_no_migrations(tmp_path):
    """A scripted search pays for what it uses: a catalogue whose schema is this release's opens
    without loading the migrations (a fifth of the command's time), an old one is upgraded."""
    db = tmp_path / "c.sqlite3"
    _run(f"from ui.command_line import main\nmain(['new', {str(db)!r}])\n")
    code = (
        "import sys\n"
        "from ui.command_line import main\n"
        f"main(['--db', {str(db)!r}, 'search', 'ukraine'])\n"
        f"main(['--db', {str(db)!r}, 'list', '--json'])\n"
        "print(sorted(n for n in sys.modules if n.endswith('migrations')))\n"
    )
    assert _run(code).splitlines()[-1] == "[]"
