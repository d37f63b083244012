"""A server password given in --db is never printed nor written anywhere (issue 14, item 15)."""

import os
from pathlib import Path

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.db import split_password
from tests.helpers import SEED_FILE, run_catalog

SECRET = "PW-s3cr3t-Zq7"


def with_password(url: str, password: str = SECRET) -> str:
    """``postgresql://user@host/db`` with ``password`` in the address."""
    scheme, rest = url.split("://", 1)
    user, _, where = rest.partition("@")
    return f"{scheme}://{user}:{password}@{where}"


def files_holding(folder: Path, text: str) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and text.encode() in path.read_bytes()]


def test_the_cli_never_prints_or_stores_the_password(postgres_url, tmp_path, private_user_dirs):
    url = with_password(postgres_url)
    shown = url.replace(SECRET, "***")
    runs = [
        run_catalog("new", url),
        run_catalog("--db", url, "import", str(SEED_FILE)),
        run_catalog("--db", url, "list"),
        run_catalog("--db", url, "search", "ukraine", "--json"),
        run_catalog("--db", url, "show", "1"),
        run_catalog("--db", url, "check"),
        run_catalog("--db", url, "backup", str(tmp_path / "b.sqlite3")),
        run_catalog("--db", url, "export-json", str(tmp_path / "all.json")),
        run_catalog("copy", "--from", url, "--to", str(tmp_path / "copy.sqlite3")),
        run_catalog("copy", "--from", str(tmp_path / "copy.sqlite3"), "--to", url),  # not empty
        run_catalog("--db", f"{url}?password={SECRET}", "list"),
        run_catalog("--db", with_password("postgresql://desk@127.0.0.1:1/newsroom"), "list"),  # refused
        run_catalog("--db", url.replace("/t_", "/no_such_"), "list"),
        run_catalog("new", url),  # already holds one
        run_catalog("--db", url.replace("postgresql", "mysql"), "list"),
    ]
    assert runs[0].stdout == f"created an empty catalogue at {shown}\n"
    assert runs[8].returncode == 0 and runs[8].stdout.startswith(
        f"copied 1 articles, 0 claims and 0 links from {shown} to "
    )
    assert runs[9].returncode == 1 and runs[9].stderr.startswith(f"catalog: {shown} is not empty")
    assert runs[11].returncode == 1 and "desk:***@127.0.0.1:1" in runs[11].stderr
    assert runs[11].stderr.count("\n") == 1  # libpq's hint lines are not part of it
    for done in runs:
        assert SECRET not in done.stdout + done.stderr, done.args
    for folder in {private_user_dirs, tmp_path, Path(os.environ.get("TMPDIR", "/tmp")) / "nonexistent"}:
        if folder.exists():
            assert files_holding(folder, SECRET) == []


def test_open_catalogue_keeps_the_password_out_of_the_location(postgres_url):
    opened = open_catalogue(with_password(postgres_url) + "?sslmode=disable", create=True)
    try:
        assert SECRET not in opened.location and "***" not in opened.location
        assert opened.location == postgres_url + "?sslmode=disable"
    finally:
        close_catalogue()


def test_split_password():
    assert split_password("postgresql://me:p%40ss@db/news") == ("postgresql://me@db/news", "p@ss")
    assert split_password("postgresql://me@db/news?password=x&sslmode=require") == (
        "postgresql://me@db/news?sslmode=require",
        "x",
    )
    assert split_password("postgresql://me@db/news") == ("postgresql://me@db/news", None)
    assert split_password("/home/me/c:x@y.sqlite3") == ("/home/me/c:x@y.sqlite3", None)
