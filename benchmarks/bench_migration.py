"""Schema step 13 (text fingerprints) at scale: ``python benchmarks/bench_migration.py [N ...]``
(default 100000).

For each N it builds a catalogue of N generated articles (~4 KB each, as bench_search does),
puts it back as schema 12 left it (file fingerprints, no ``earlier_fingerprint`` table), then
times the step alone, against reading every article's text once in the same process (the
floor: the step must read them all). The backup an upgrade takes first is not counted.
"""

import hashlib
import sys
import tempfile
import time
from pathlib import Path

from bench_search import build

STEP = "0013_text_fingerprints"


def as_before_step(db: str) -> None:
    """The catalogue as a release before step 13 wrote it: fingerprints of whole files."""
    from catalog.catalogue import close_catalogue
    from catalog.db import make_database

    close_catalogue()
    raw = make_database(db)
    raw.connect()
    with raw.atomic():
        ids = [i for (i,) in raw.execute_sql('SELECT "id" FROM "article"').fetchall()]
        raw.execute_sql('DROP TABLE "earlier_fingerprint"')
        raw.cursor().executemany(
            'UPDATE "article" SET "content_hash" = ? WHERE "id" = ?',
            [(hashlib.sha256(f"file {i}".encode()).hexdigest(), i) for i in ids],
        )
        raw.execute_sql('DELETE FROM "schema_migration" WHERE "name" = ?', (STEP,))
    raw.close()


def measure(db: str) -> tuple[float, float]:
    """Seconds to read every text, and seconds for the step."""
    from catalog import migrations
    from catalog.db import make_database

    raw = make_database(db)
    raw.connect()
    start = time.perf_counter()
    for _ in raw.execute_sql('SELECT "id", "body" FROM "article"'):
        pass
    floor = time.perf_counter() - start
    start = time.perf_counter()
    applied = migrations.migrate(raw)
    step = time.perf_counter() - start
    assert applied == [STEP], applied
    raw.close()
    return floor, step


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [100_000]
    print(f"{'articles':>9}  {'read texts':>10}  {'step 13':>8}  ratio")
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            db = build(Path(folder), count)
            as_before_step(db)
            floor, step = measure(db)
            print(f"{count:>9,}  {floor:>9.1f}s  {step:>7.1f}s  {step / floor:.1f}×")


if __name__ == "__main__":
    main()
