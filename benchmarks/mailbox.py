"""A mailbox of a gigabyte, written and read as the import reads it: memory stays flat.

    python benchmarks/mailbox.py write /tmp/1g.mbox 1073741824
    /usr/bin/time -v python benchmarks/mailbox.py read /tmp/1g.mbox

``write`` makes messages of real text (the Lee corpus): plain newsletters, HTML-only ones, and
messages with a 1 MB attachment, one of them with a 40 MB one. ``read`` cuts the mailbox into
pieces as the import does (``mbox.spans``) and reads each piece in this one process, printing
how many pieces, articles and failures, and the time; ``/usr/bin/time -v`` gives the peak memory.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def write(path: str, size: int) -> None:
    from tests.document_files import lee_articles, message

    articles = lee_articles()
    with open(path, "wb") as out:
        number = 0
        while out.tell() < size:
            text = articles[number % len(articles)]
            kind = number % 3
            if number == 1500:
                mail = message("Huge", text + "\n", attachments=(("video.mp4", os.urandom(40_000_000)),))
            elif kind == 0:
                mail = message(f"Briefing {number}", text + "\n")
            elif kind == 1:
                paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in text.split(". "))
                page = f"<html><body><nav>Home | Sport</nav><article>{paragraphs}</article></body></html>"
                mail = message(f"Newsletter {number}", None, html=page)
            else:
                attachment = ((f"report{number}.pdf", os.urandom(1_000_000)),)
                mail = message(f"Report {number}", text + "\n", attachments=attachment)
            envelope = b"From sender@example.org Wed Apr  5 09:30:00 2023\n"
            out.write(envelope + mail.as_bytes().replace(b"\nFrom ", b"\n>From ") + b"\n")
            number += 1
    print(f"{number:,} messages, {size / 1024**2:,.0f} MB")


def read(path: str) -> None:
    from catalog.importing.formats import Piece, RecordFailed, mbox

    began = time.perf_counter()
    pieces = list(mbox.spans(path, 10 * 1024 * 1024))
    scanned = time.perf_counter() - began
    articles = failed = 0
    for start, stop, first in pieces:
        for result in mbox.read(Piece(path, "mbox", start=start, stop=stop, first_number=first)):
            if isinstance(result, RecordFailed):
                failed += 1
                print(f"failed: message={result.place}: {result.reason}")
            else:
                articles += 1
    print(
        f"{len(pieces):,} pieces found in {scanned:.1f} s; {articles:,} articles, {failed:,} failed, "
        f"{time.perf_counter() - began:.1f} s in all"
    )


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("write", "read"):
        sys.exit(__doc__)
    if sys.argv[1] == "write":
        write(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1024**3)
    else:
        read(sys.argv[2])
