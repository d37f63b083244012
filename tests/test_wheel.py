"""The built wheel, installed into a new virtual environment, runs with its own icons, styles,
fonts and seed articles: nothing is read from the source tree."""

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import catalog, ui.resources
from catalog.seeds import seeds_folder
from ui.app import application, open_window
folder = ui.resources.resources_folder()
assert "site-packages" in str(folder), folder
for name in (
    "style.qss", "icons/catalog.svg", "icons/import-files.svg", "icons/LICENSE.txt",
    "fonts/DejaVuSans.ttf", "fonts/LICENSE.txt", "fonts/OFL.txt",
    "fonts/NotoSansKR-Hangul.ttf", "fonts/NotoSansKR-Hangul-Bold.ttf", "fonts/NotoEmoji-Regular.ttf",
):
    assert (folder / name).is_file(), name
assert "site-packages" in str(seeds_folder()), seeds_folder()
app = application()
assert app.styleSheet(), "no stylesheet"
assert not ui.resources.icon("find").isNull() and not app.windowIcon().isNull()
from ui.report.fonts import report_families
assert report_families() == ("DejaVu Sans", "Noto Sans KR Hangul", "Noto Emoji"), report_families()
window = open_window(sys.argv[1])
assert not window.grab().isNull()
print("installed-ok", catalog.__file__)
"""


def test_the_wheel_installs_and_runs_in_a_new_environment(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("catalog-*.whl")

    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    # The dependencies (PySide6 and the rest) come from the test run's environment, as a plain
    # path: its editable install of this repository is not processed, only the wheel's files.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {**os.environ, "HOME": str(outside), "XDG_DATA_HOME": str(outside / "data"), "PYTHONPATH": ""}
    version = subprocess.run(
        [env_dir / "bin" / "catalog", "--version"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        check=False,
    )
    assert version.stdout.startswith("catalog "), version.stderr
    probe = subprocess.run(
        [python, "-c", PROBE, str(outside / "w.sqlite3")],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        check=False,
        timeout=300,
    )
    assert "installed-ok" in probe.stdout, probe.stderr
    assert str(REPO) not in probe.stdout  # the wheel's catalog, not the source tree's
