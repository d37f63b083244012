"""Schema version 13: an article's fingerprint is that of its text, and earlier ones are kept.

Until now ``content_hash`` was the SHA-256 of the whole article file (header line and headline
included), which nobody holding an export can check. Each article's fingerprint is computed
again from its body, as ``catalog.fingerprints`` says (frozen here, like the tables); the old
one is kept in the new ``earlier_fingerprint`` table, so importing the original files again
still finds them duplicates. Articles that share a text (possible until now, when their files
differed only in the header): the lowest id keeps the plain fingerprint, each other article
gets its twin fingerprint, of its id and the text.

Nothing here relies on steps 11 and 12; it runs after whichever of them a catalogue has.
On 100,000 articles of about 4 KB it takes about 14 seconds, five to six times as long as
reading every text once (benchmarks/bench_migration.py); the backup before an upgrade comes on top.
"""

import hashlib
import sys

from peewee import AutoField, CharField, CompositeKey, ForeignKeyField, Model

PAGE = 2000  # articles read at a time: memory stays flat for any catalogue
PROGRESS_FROM = 20_000  # articles: below this the step takes about a second, unannounced


def normalised(body: str) -> str:
    if "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    return body.replace("\ufeff", "").strip()


def fingerprint(body: str) -> str:
    return hashlib.sha256(normalised(body).encode("utf-8")).hexdigest()


def twin_fingerprint(body: str, article_id: int) -> str:
    return hashlib.sha256(f"twin {article_id}\n{normalised(body)}".encode()).hexdigest()


def up(migrator, db):
    class Article(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "article"

    class EarlierFingerprint(Model):
        article = ForeignKeyField(Article, on_delete="CASCADE")
        fingerprint = CharField(max_length=64, index=True)

        class Meta:
            database = db
            table_name = "earlier_fingerprint"
            primary_key = CompositeKey("article", "fingerprint")

    db.create_tables([EarlierFingerprint])
    changed, earlier = _new_fingerprints(db)
    if not changed:
        return
    # Every fingerprint changes at once: the unique index would object to a passing clash
    # (an article given the fingerprint another still holds), so it is built again after.
    index = _unique_index(db)
    db.execute_sql(f'DROP INDEX "{index}"')
    param = db.param
    cursor = db.cursor()
    cursor.executemany(f'UPDATE "article" SET "content_hash" = {param} WHERE "id" = {param}', changed)
    db.execute_sql(f'CREATE UNIQUE INDEX "{index}" ON "article" ("content_hash")')
    cursor.executemany(
        f'INSERT INTO "earlier_fingerprint" ("article_id", "fingerprint") VALUES ({param}, {param})', earlier
    )


def _new_fingerprints(db) -> tuple[list[tuple[str, int]], list[tuple[int, str]]]:
    """(new fingerprint, id) of each article whose fingerprint changes, and (id, old fingerprint)."""
    changed, earlier, taken = [], [], set()
    last, done = 0, 0
    (total,) = db.execute_sql('SELECT COUNT(*) FROM "article"').fetchone()
    while True:
        rows = db.execute_sql(
            f'SELECT "id", "content_hash", "body" FROM "article" WHERE "id" > {db.param} '
            f'ORDER BY "id" LIMIT {PAGE}',
            (last,),
        ).fetchall()
        if not rows:
            _progress(done, total, end="\n")
            return changed, earlier
        for article_id, old, body in rows:
            new = fingerprint(body)
            if new in taken:  # an older article has this text
                new = twin_fingerprint(body, article_id)
            taken.add(new)
            if new != old:
                changed.append((new, article_id))
                earlier.append((article_id, old))
        last, done = rows[-1][0], done + len(rows)
        _progress(done, total)


def _progress(done: int, total: int, end: str = "") -> None:
    """On a terminal, a line counting the texts of a big catalogue (the window starting from one too)."""
    if total >= PROGRESS_FROM and sys.stderr.isatty():
        print(
            f"\rcatalog: upgrading: fingerprinted the text of {done:,} of {total:,} articles",
            end=end,
            file=sys.stderr,
        )


def _unique_index(db) -> str:
    for index in db.get_indexes("article"):
        if index.unique and index.columns == ["content_hash"]:
            return index.name
    raise RuntimeError("the catalogue has no unique index on article.content_hash")
