"""PostgreSQL's driver, loaded only for a PostgreSQL catalogue.

Peewee (and playhouse's PostgreSQL extensions, which its migrations load) import psycopg as
they load, whatever the catalogue: on a SQLite catalogue that is about a third of a command's
run (``benchmarks/bench_cli_startup.py``). ``defer()``, called when catalog/ is first
imported, keeps psycopg out of their imports; ``load()``, called before a PostgreSQL catalogue
is made (``catalog.db.make_database``), imports it and hands it to them as they would have
taken it (tests/catalog/test_pg_driver.py compares the two).
"""

import sys

#: The drivers peewee looks for when it loads (psycopg2 and its cffi port too: the same cost).
DRIVERS = ("psycopg", "psycopg2", "psycopg2cffi")


class _Loader:  # importlib's loader protocol (importlib.abc costs more to load than it saves)
    """Peewee's own loader, run with the drivers out of sight."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        kept = {name: sys.modules[name] for name in DRIVERS if name in sys.modules}
        sys.modules.update(dict.fromkeys(DRIVERS))  # None: "import psycopg" raises ImportError
        try:
            self.loader.exec_module(module)
        finally:
            for name in DRIVERS:
                del sys.modules[name]
            sys.modules.update(kept)


#: The modules that look for a driver as they load.
LOOKING = ("peewee", "playhouse.postgres_ext")


class _Finder:  # importlib's meta path finder protocol
    def __init__(self):
        self.waiting = {name for name in LOOKING if name not in sys.modules}

    def find_spec(self, name, path=None, target=None):
        if name not in self.waiting:
            return None
        self.waiting.discard(name)
        spec = _spec_without(self, name)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def _spec_without(finder: _Finder, name: str):
    """The spec the other finders give ``name``."""
    from importlib.util import find_spec

    sys.meta_path.remove(finder)
    try:
        return find_spec(name)
    finally:
        sys.meta_path.insert(0, finder)


def defer() -> None:
    """Keep the drivers out of the imports of the modules that look for one, where they are
    not loaded yet."""
    if "peewee" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


_loaded = False


def load() -> None:
    """Give peewee psycopg (3), if it is installed and peewee did not take a driver itself.
    Without it, peewee says the driver is missing and catalog.db says how to install it."""
    global _loaded
    import peewee

    if _loaded or peewee.psycopg is not None or peewee.psycopg2 is not None:
        return
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return
    # What peewee sets when it finds psycopg as it loads (tests/catalog/test_pg_driver.py
    # compares the two, so a peewee release that sets more is noticed).
    peewee.psycopg = psycopg
    peewee.TransactionStatus = TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
    extensions = sys.modules.get("playhouse.postgres_ext")
    if extensions is not None:
        from psycopg.types import TypeInfo
        from psycopg.types.hstore import register_hstore

        extensions.TypeInfo, extensions.register_hstore_pg3 = TypeInfo, register_hstore
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _Finder)]
    _loaded = True
