"""Paths and helpers shared by catalog and ui tests."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_FOLDER = REPO / "seeds"
SEED_FILE = SEED_FOLDER / "000_5ecd6cdec968fbf7.txt"


def run_catalog(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m catalog ARGS`` in a child process, as a script would."""
    return subprocess.run(
        [sys.executable, "-m", "catalog", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=120,
        check=False,
    )


def article_file(title: str = "", body: str = "Some text. More text.", header: str = "") -> str:
    """The text of an article file with an optional header and headline."""
    parts = [header] if header else []
    if title:
        parts.append(title)
    parts.append(body)
    return "\n\n".join(parts) + "\n"


def make_article_files(folder: Path, count: int, *, paragraphs: int = 6) -> list[Path]:
    """``count`` distinct article files with headers under ``folder``, 100 per sub-folder."""
    paths = []
    for number in range(count):
        sub = folder / f"{number // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(
            f"Paragraph {p} of article {number} reports what officials said on day {number % 28 + 1}."
            for p in range(paragraphs)
        )
        header = f" date 2021-{number % 12 + 1:02d}-{number % 28 + 1:02d} Authored by Writer {number % 7} via Outlet {number % 5},"
        path = sub / f"{number:06d}.txt"
        path.write_text(article_file(f"Report number {number}", body, header=header), encoding="utf-8")
        paths.append(path)
    return paths


def cli_outcome(capsys, *args: str) -> tuple[int, str, str]:
    """(exit code, standard output, standard error) of ``catalog ARGS`` run in this process,
    whether argparse exits or the command returns."""
    from ui.command_line import main

    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit_info:
        code = exit_info.code
    out, err = capsys.readouterr()
    return code, out, err
