"""The mailbox reader: pieces of whole messages found in one pass, each read from its range."""

import tracemalloc

import pytest

from catalog.importing.formats import FormatError, Piece, RecordFailed, mbox
from tests.document_files import lee_articles, mbox_file, message, paragraphs


def read_pieces(path, limit=10 * 1024 * 1024):
    """Every article of the mailbox, read piece by piece as the import's workers read them."""
    found = []
    for start, stop, first_number in mbox.spans(str(path), limit):
        found += mbox.read(
            Piece(str(path), "mbox", start=start, stop=stop, first_number=first_number, limit=limit)
        )
    return found


def newsletters(count: int):
    articles = lee_articles()
    return [
        message(
            f"Briefing {number}: {articles[number][:40]}",
            articles[number] + "\n",
            date=f"Wed, {1 + number % 28:02d} Feb 2023 07:00:00 +1100",
        )
        for number in range(count)
    ]


def test_every_message_is_an_article_numbered_in_the_mailbox(tmp_path):
    path = mbox_file(tmp_path / "inbox.mbox", newsletters(12))
    articles = read_pieces(path)
    assert [article.place for article in articles] == [f"message={n}" for n in range(1, 13)]
    assert [article.body for article in articles] == list(lee_articles()[:12])
    assert articles[3].title.startswith("Briefing 3: ")


def test_numbers_go_on_across_pieces(tmp_path, monkeypatch):
    monkeypatch.setattr(mbox, "PIECE_MESSAGES", 5)
    path = mbox_file(tmp_path / "inbox.mbox", newsletters(23))
    pieces = list(mbox.spans(str(path), 10**7))
    assert [first for _, _, first in pieces] == [1, 6, 11, 16, 21]
    assert pieces[-1][1] is None and all(
        stop == pieces[i + 1][0] for i, (_, stop, _) in enumerate(pieces[:-1])
    )
    articles = read_pieces(path)
    assert [article.place for article in articles] == [f"message={n}" for n in range(1, 24)]
    assert [article.body for article in articles] == list(lee_articles()[:23])


def test_pieces_are_cut_by_size_at_message_boundaries(tmp_path, monkeypatch):
    monkeypatch.setattr(mbox, "PIECE_BYTES", 10_000)
    path = mbox_file(tmp_path / "inbox.mbox", newsletters(40))
    data = path.read_bytes()
    pieces = list(mbox.spans(str(path), 10**7))
    assert len(pieces) > 3
    assert all(data[start : start + 5] == b"From " for start, _, _ in pieces)
    assert len(read_pieces(path)) == 40


def test_a_from_line_inside_a_message_is_not_a_new_message(tmp_path):
    text = "From the editor: the fires are out.\n\nFrom Monday the roads open again.\n"
    path = mbox_file(tmp_path / "inbox.mbox", [message("From the desk", text), *newsletters(2)])
    articles = read_pieces(path)
    assert len(articles) == 3
    assert articles[0].body == "From the editor: the fires are out.\n\nFrom Monday the roads open again."


def test_a_whole_mailbox_given_as_bytes_is_read_too(tmp_path):
    path = mbox_file(tmp_path / "small.mbox", newsletters(3))
    articles = list(mbox.read(Piece(str(path), "mbox", data=path.read_bytes())))
    assert [article.place for article in articles] == ["message=1", "message=2", "message=3"]


def test_a_bad_message_is_reported_and_the_others_read(tmp_path):
    written = paragraphs(6, 2)
    mails = [
        message("Good one", "\n\n".join(written)),
        message("Only a scan", None, attachments=(("scan.jpg", b"\xff" * 2048),)),
        message("Huge", "x" * 50_000),
        *newsletters(1),
    ]
    path = mbox_file(tmp_path / "inbox.mbox", mails)
    results = read_pieces(path, limit=20_000)
    assert [type(result).__name__ for result in results] == [
        "Extracted",
        "RecordFailed",
        "RecordFailed",
        "Extracted",
    ]
    assert results[1] == RecordFailed(
        "message=2", "a message with no text in it (only attachments: scan.jpg (2 KB))"
    )
    assert results[2].place == "message=3" and "larger than the limit of 20,000" in results[2].reason
    assert results[3].place == "message=4"


def test_a_mailbox_with_windows_line_ends_and_text_before_the_first_from_line(tmp_path):
    one = message("Before any From line", paragraphs(5, 1)[0]).as_bytes()
    two = message("After it", paragraphs(6, 1)[0]).as_bytes()
    data = (one + b"\nFrom someone@example.org Wed Apr  5 09:30:00 2023\n" + two).replace(b"\n", b"\r\n")
    path = tmp_path / "odd.mbox"
    path.write_bytes(data)
    assert [(a.place, a.title) for a in read_pieces(path)] == [
        ("message=1", "Before any From line"),
        ("message=2", "After it"),
    ]


def test_an_empty_mailbox_is_reported(tmp_path):
    path = tmp_path / "empty.mbox"
    path.write_bytes(b"\n\n")
    assert list(mbox.spans(str(path), 1000)) == [(0, None, 1)]
    with pytest.raises(FormatError, match="no messages"):
        read_pieces(path)
    with pytest.raises(FormatError, match="no messages"):
        list(mbox.read(Piece(str(path), "mbox", data=b"\n\n")))


def test_a_file_of_one_endless_line_is_never_held_whole(tmp_path):
    path = tmp_path / "one-line.mbox"
    path.write_bytes(b"From x@example.org Wed Apr  5 09:30:00 2023\n" + b"A" * 3_000_000)
    tracemalloc.start()
    try:
        results = read_pieces(path, limit=100_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert results == [
        RecordFailed("message=1", "a message of 3,000,000 bytes, larger than the limit of 100,000")
    ]
    assert peak < 1_000_000


def test_a_large_mailbox_is_streamed_a_message_at_a_time(tmp_path, monkeypatch):
    """12 MB of mail read with a few megabytes of memory: never the file, never a whole piece."""
    monkeypatch.setattr(mbox, "PIECE_BYTES", 3 * 1024 * 1024)
    text = "\n\n".join(lee_articles()[:60])  # about 100 KB of real text a message
    one = (
        b"From x@example.org Wed Apr  5 09:30:00 2023\n"
        + message("Digest", text, cte="8bit").as_bytes()
        + b"\n"
    )
    path = tmp_path / "big.mbox"
    with open(path, "wb") as out:
        out.writelines(one for _ in range(12 * 1024 * 1024 // len(one)))
    count = 0
    tracemalloc.start()
    try:
        for start, stop, first in mbox.spans(str(path), 10**7):
            for article in mbox.read(Piece(str(path), "mbox", start=start, stop=stop, first_number=first)):
                count += 1
                assert article.place == f"message={count}"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 12 * 1024 * 1024 // len(one)
    assert peak < 4 * 1024 * 1024


def test_an_unescaped_from_sentence_after_a_blank_line_stays_in_its_message(tmp_path):
    """Some programs write a line of text that starts with "From " as it is: without the
    envelope's time of day it is text, not a new message."""
    text = "The fires are out.\n\nFrom Monday the Hume Highway opens again.\n"
    envelope = b"From desk@example.org Wed Apr  5 09:30:00 2023\n"
    data = b"".join(envelope + message(subject, text).as_bytes() + b"\n" for subject in ("One", "Two"))
    path = tmp_path / "unescaped.mbox"
    path.write_bytes(data)
    assert b"\n\nFrom Monday" in data
    articles = read_pieces(path)
    assert [(a.place, a.title) for a in articles] == [("message=1", "One"), ("message=2", "Two")]
    assert articles[0].body == text.strip()
    assert [first for _, _, first in mbox.spans(str(path), 10**7)] == [1]


def test_thunderbird_s_envelope_lines_separate_messages(tmp_path):
    envelope = b"From - Sat Jan 01 00:00:00 2000\n"
    data = b"".join(envelope + message(s, paragraphs(6, 1)[0]).as_bytes() + b"\n" for s in ("A", "B", "C"))
    path = tmp_path / "Inbox"
    path.write_bytes(data)
    assert [a.title for a in read_pieces(path)] == ["A", "B", "C"]


def test_a_long_from_line_without_a_time_costs_no_more_than_its_length(tmp_path):
    path = tmp_path / "long.mbox"
    path.write_bytes(
        b"From x@example.org Wed Apr  5 09:30:00 2023\nSubject: a\n\nText.\n\nFrom " + b"A" * 60_000 + b"\n"
    )
    assert len(list(mbox.spans(str(path), 10**7))) == 1
