"""Reading files: encodings, binary and empty files, size limits, folder walking."""

import os

import pytest

from catalog.importing.decoding import NotText, decode_text
from catalog.importing.files import Skipped, find_files, read_text_file

TEXT = "Zoë said “hello” to Łukasz — naïve café.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM, native order
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
    ],
)
def test_unicode_encodings_come_through_exactly(data):
    assert decode_text(data) == TEXT


def test_legacy_single_byte_text_is_detected():
    text = "Le café où Zoë a dit « non » à l’État — naïve idée, déjà vue. " * 3
    assert decode_text(text.encode("cp1252")) == text


def test_cyrillic_legacy_text_is_detected():
    text = "Президент заявил, что переговоры продолжатся на следующей неделе. " * 3
    assert decode_text(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"plain start\x00\x01\x02 then junk", "NUL bytes"),
    ],
)
def test_binary_content_is_refused_with_what_it_looks_like(data, kind):
    with pytest.raises(NotText, match=kind):
        decode_text(data)


def test_empty_and_blank_files_are_not_articles(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b" \r\n\t\n"), ("bom.txt", b"\xef\xbb\xbf\n")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(NotText, match="empty file"):
            read_text_file(path)


def test_files_over_the_size_limit_are_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    with pytest.raises(NotText, match="too large"):
        read_text_file(path, max_size=1000)
    assert read_text_file(path, max_size=2000) == "x" * 2000


def test_folders_are_walked_in_sorted_order_and_only_txt_files_taken(tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.txt", "sub/d.TXT", "notes.md", "a2/z.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text")
    found = [os.path.relpath(p, tmp_path) for p in find_files([tmp_path])]
    assert found == ["a.txt", "a2/z.txt", "b.txt", "sub/c.txt", "sub/d.TXT"]


def test_a_folder_named_like_a_text_file_is_reported(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    found = list(find_files([tmp_path]))
    assert found == [Skipped(str(tmp_path / "folder.txt"), "a folder, not a file")]


def test_symlink_loops_end(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("text")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    found = list(find_files([tmp_path]))
    assert found == [str(tmp_path / "a" / "one.txt")]


def test_a_missing_path_is_reported(tmp_path):
    assert list(find_files([tmp_path / "nope"])) == [
        Skipped(str(tmp_path / "nope"), "no such file or folder")
    ]


def test_a_file_named_directly_is_taken_whatever_its_extension(tmp_path):
    path = tmp_path / "article.md"
    path.write_text("text")
    assert list(find_files([path])) == [str(path)]


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Zażółć gęślą jaźń, powiedział minister w środę. " * 3, "cp1250"),
        ("Ο πρωθυπουργός είπε ότι οι συνομιλίες θα συνεχιστούν. " * 3, "cp1253"),
        ("Müller sagte, dass die Gespräche weitergehen. Öffentlich äußerte er sich nicht.", "cp1252"),
    ],
)
def test_other_legacy_encodings(text, encoding):
    assert decode_text(text.encode(encoding)) == text


def test_pipes_and_broken_links_are_reported_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink(tmp_path / "gone", tmp_path / "broken.txt")
    found = {os.path.basename(item.path): item.reason for item in find_files([tmp_path])}
    assert found == {
        "broken.txt": "not a regular file (a pipe, device or broken link)",
        "pipe.txt": "not a regular file (a pipe, device or broken link)",
    }


def test_an_unreadable_folder_is_reported_and_the_walk_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a-locked").mkdir()
    (tmp_path / "b.txt").write_text("text")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("a-locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(find_files([tmp_path]))
    assert found == [
        Skipped(str(tmp_path / "a-locked"), "folder cannot be read (Permission denied)"),
        str(tmp_path / "b.txt"),
    ]


def test_an_unreadable_file_is_not_an_article(tmp_path, monkeypatch):
    import builtins

    path = tmp_path / "secret.txt"
    path.write_text("text")
    real_open = builtins.open
    monkeypatch.setattr(
        builtins,
        "open",
        lambda p, *a, **k: (
            (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
            if str(p) == str(path)
            else real_open(p, *a, **k)
        ),
    )
    with pytest.raises(NotText, match=r"cannot be read \(Permission denied\)"):
        read_text_file(str(path))
