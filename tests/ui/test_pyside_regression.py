"""Guards against PySide6 releases known to break Catalog (see ../shared/PITFALLS.md)."""

import subprocess
import sys
from importlib.metadata import version

CALLS = 100_000
PROBE = f"""
from PySide6.QtCore import QObject
obj = QObject()
for number in range({CALLS}):
    obj.setObjectName("probe")  # returns None: 6.12.0 on Python 3.11 leaks a None reference per call
print("survived")
"""


def _release(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version(name).split(".")[:2])


def test_methods_returning_none_do_not_abort_python():
    """PySide6 6.12.0 on Python 3.11 aborts with 'Fatal Python error: none_dealloc'."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300, check=False
    )
    assert "none_dealloc" not in result.stderr
    assert (result.returncode, result.stdout.strip()) == (0, "survived")


def test_installed_pyside6_respects_the_python_3_11_pin():
    if sys.version_info < (3, 12):
        assert _release("PySide6-Essentials") < (6, 12)
    assert _release("PySide6-Essentials") >= (6, 8)
