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


CYRILLIC = "Президент заявил, что переговоры продолжатся на следующей неделе.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text", [TEXT, CYRILLIC, "Hi", "• Home • News … • Contact\nStadt Stuttgart – Bohnenviertel"]
)
def test_utf16_without_a_byte_order_mark_is_text_not_binary(encoding, text):
    assert decode_text(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x05\x00\x07\x00\x10\x00\x00\x01" * 40,  # little-endian numbers: NUL every other byte
        b"text\x00\x00\x00\x00more",  # NULs in both lanes
        b"odd length\x00",
        b"\x00\xff\x00 junk",  # reads as "\xff \u6a75\u6e6b" in UTF-16-BE: nonsense
        b"that tuesda\x00y officia\x00l\x00s would tuesday.",  # ASCII with stray NULs
        b"report report\x00 th\x00e report would talks",
    ],
)
def test_binary_that_merely_has_nuls_is_still_binary(data):
    with pytest.raises(NotText, match="binary data"):
        decode_text(data)


def test_a_nul_character_inside_unicode_text_is_binary(tmp_path):
    """PostgreSQL cannot store U+0000 in text, and no article holds one."""
    with pytest.raises(NotText, match="binary data"):
        decode_text(b"\xff\xfe" + "text\x00more".encode("utf-16-le"))


@pytest.mark.parametrize(
    "blank",
    [
        "\u200b\u200c\u200d\u2060\ufeff",
        "\u00a0\u00a0\n\u202f\u2007\u3000",
        "\u200b \u00a0\r\n\t\u2060\n" * 50,
        "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u180e\u0085\u2028\u2029",
    ],
)
def test_a_file_of_invisible_characters_only_is_an_empty_file(tmp_path, blank):
    path = tmp_path / "blank.txt"
    path.write_text(blank, encoding="utf-8")
    with pytest.raises(NotText, match="empty file"):
        read_text_file(path)


def test_a_file_that_reports_size_zero_is_read_no_further_than_the_limit():
    """/proc files report st_size 0 whatever they hold; the limit counts what arrives."""
    path = "/proc/self/status"
    with open(path, "rb") as stream:
        assert os.stat(path).st_size == 0 and len(stream.read()) > 200
    with pytest.raises(NotText, match=r"too large \(more than the limit of 200 bytes\)"):
        read_text_file(path, max_size=200)
    assert read_text_file(path).startswith("Name:")


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_text("x" * 100)
    real_fstat = os.fstat
    monkeypatch.setattr(
        os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:]))
    )
    with pytest.raises(NotText, match="too large"):
        read_text_file(path, max_size=50)
    assert read_text_file(path, max_size=100) == "x" * 100


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_a_byte_order_mark(encoding):
    text = "中华人民共和国国务院今天发表声明，一致同意这项协议。\n一二三。"
    assert decode_text(text.encode(encoding)) == text


def test_a_batch_redone_after_a_worker_died_keeps_the_size_limit(tmp_path):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from catalog.importing import reading

    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    died: Future = Future()
    died.set_exception(BrokenProcessPool("a worker was killed"))
    failed, _done = reading._result([str(path)], died, 1000)
    assert failed.reason == "too large (2.0 KB; the limit is 1000 bytes)"
