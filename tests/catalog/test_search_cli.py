"""Queries on the command line: a leading dash is the search language's exclusion, bytes that
are not UTF-8 and refused prefixes are usage errors (exit 2) in one line, in search and in the
exports' --query."""

import json
import subprocess
import sys

import pytest

from catalog.catalogue import close_catalogue
from catalog.importing import import_paths
from tests.helpers import article_file, run_catalog


@pytest.fixture
def location(catalogue, write):
    """A catalogue of two articles, one of them about Russia, closed for the commands to open."""
    write("1.txt", article_file("Tanks roll into Kyiv", "Tanks near Kyiv; Russia denies it."))
    write("2.txt", article_file("Drones over Odesa", "The White House said drones were seen."))
    import_paths([write.root])
    close_catalogue()
    return catalogue.location


def cli(location: str, *args: str | bytes) -> subprocess.CompletedProcess:
    """``catalog --db LOCATION ARGS`` with arguments as bytes, as a terminal passes them."""
    return subprocess.run(
        [sys.executable, "-m", "catalog", "--db", location, *args],
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_cli_a_query_may_start_with_a_dash(location):
    for args in (["-russia"], ["--", "-russia"], ["-russia", "--json"], ["--json", "--", "-russia"]):
        done = run_catalog("--db", location, "search", "--json", *args)
        assert done.returncode == 0, done.stderr
        assert [a["title"] for a in json.loads(done.stdout)] == ["Drones over Odesa"]
    done = run_catalog("--db", location, "search", "drones", "-russia", "--json")
    assert [a["title"] for a in json.loads(done.stdout)] == ["Drones over Odesa"]
    done = run_catalog("--db", location, "search", "-h")
    assert done.returncode == 0 and "usage: catalog search" in done.stdout


def test_cli_an_unknown_double_dash_option_says_how_to_search_for_it(location):
    done = run_catalog("--db", location, "search", "--russia")
    assert done.returncode == 2
    assert "catalog search -- --word" in done.stderr and "Traceback" not in done.stderr


def test_cli_query_options_of_exports_take_a_dash(location, tmp_path):
    target = tmp_path / "out.csv"
    done = run_catalog("--db", location, "export-csv", str(target), "--query", "-russia")
    assert done.returncode == 0, done.stderr
    assert "Drones over Odesa" in target.read_text(encoding="utf-8")
    assert "Tanks roll" not in target.read_text(encoding="utf-8")
    done = run_catalog("--db", location, "suggest-summaries", "--query", "-russia", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["filled"] == 1


@pytest.mark.parametrize(
    "args",
    [
        ["search", b"caf\xe9"],
        ["search", b"kyiv \xff\xfe"],
        ["export-csv", "-", "--query", b"caf\xe9"],
        ["suggest-summaries", "--query", b"\xe9t\xe9"],
    ],
)
def test_cli_bytes_that_are_not_utf8_are_a_usage_error_naming_them(location, args):
    done = cli(location, *args)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert err.startswith("catalog: the search “") and "not UTF-8" in err
    assert "\\xe9" in err or "\\xff" in err
    assert "unexpected" not in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["search", "w*"],
        ["search", "--json", "--", "-t*"],
        ["export-csv", "-", "--query", "a* b*"],
        ["suggest-summaries", "--query", "title:k*"],
    ],
)
def test_cli_a_refused_prefix_is_a_usage_error(location, args):
    done = cli(location, *args)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2
    assert "matches too many words: type at least 2 letters" in err and len(err.splitlines()) == 1
    assert done.stdout == b""


def test_cli_search_limit_is_applied_in_the_query(location):
    done = run_catalog("--db", location, "search", "drones", "--json", "--limit", "1")
    assert done.returncode == 0 and len(json.loads(done.stdout)) == 1
