"""What ``catalog import`` loads in its own process: the extractors (trafilatura and the other
formats' libraries, a second to load) only where a file of their kind is read, which for a big
import is in its worker processes, never in the process that writes."""

import json
import subprocess
import sys
from pathlib import Path

from catalog.importing.article_text import parse_article
from tests.helpers import SEED_FILE, article_file

REPO = Path(__file__).resolve().parents[2]
HEAVY = (
    "trafilatura",
    "lxml",
    "htmldate",
    "justext",
    "pypdf",
    "docx",
    "feedparser",
    "warcio",
    "PySide6",
    "psycopg",
)
SEED = parse_article(SEED_FILE.read_text(encoding="utf-8")).body
PARAGRAPHS = [paragraph for paragraph in SEED.split("\n\n") if len(paragraph) > 80]


def _import_and_list_modules(db: Path, folder: Path, batch_size: int) -> tuple[dict, list[str]]:
    code = (
        "import json, sys\n"
        "from catalog.importing import reading\n"
        f"reading.BATCH_SIZE = {batch_size}\n"
        "from ui.command_line import main\n"
        f"main(['--db', {str(db)!r}, 'import', '--json', '--jobs', '1', {str(folder)!r}])\n"
        f"print(json.dumps(sorted({{name.split('.')[0] for name in sys.modules}} & set({HEAVY!r}))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    report, loaded = done.stdout.strip().rsplit("\n", 1)
    return json.loads(report), json.loads(loaded)


def _text_files(folder: Path, count: int) -> None:
    for number in range(count):
        paragraphs = PARAGRAPHS[number % len(PARAGRAPHS) :] + [f"Filed as report {number}."]
        body = "\n\n".join(paragraphs)
        (folder / f"{number:02d}.txt").write_text(article_file(f"Report {number}", body), encoding="utf-8")


def test_an_import_of_text_files_loads_no_extractor(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    _text_files(folder, 3)
    report, loaded = _import_and_list_modules(tmp_path / "c.sqlite3", folder, batch_size=1000)
    assert len(report["imported"]) == 3
    assert loaded == []


def test_web_pages_read_by_workers_load_trafilatura_there_only(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    _text_files(folder, 4)
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    page = (
        "<html><head><title>Aide says Ukraine needs more</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Aide says Ukraine needs more</h1>{paragraphs}</article></body></html>"
    )
    (folder / "page.html").write_text(page, encoding="utf-8")
    report, loaded = _import_and_list_modules(tmp_path / "c.sqlite3", folder, batch_size=2)
    assert len(report["imported"]) == 5, report["failed"]
    assert loaded == []
