"""What reaches a terminal: control characters from files and names are shown as escapes."""

from catalog.terminal_text import block, one_line


def test_one_line_escapes_escapes_newlines_and_undecodable_bytes():
    assert one_line("a\x1b]0;pwned\x07b") == "a\\e]0;pwned\\x07b"
    assert one_line("x.txt\nfailed: forged") == "x.txt\\nfailed: forged"
    assert one_line("caf\udce9.txt") == "caf\\xe9.txt"
    assert one_line("\u202etxt.exe") == "\\u202etxt.exe"
    assert one_line("Zoë “quoted” 東京") == "Zoë “quoted” 東京"


def test_block_keeps_lines_and_tabs():
    assert block("one\n\ttwo\x1b[2J") == "one\n\ttwo\\e[2J"
