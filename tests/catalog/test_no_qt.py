"""catalog/ is the domain: importing any of it must never load Qt."""

import json
import subprocess
import sys

from tests.helpers import REPO

PROBE = """
import importlib, json, pkgutil, sys
import catalog
names = [m.name for m in pkgutil.walk_packages(catalog.__path__, "catalog.") if m.name != "catalog.__main__"]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "qt": sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "ui")))}))
"""


def test_importing_every_catalog_module_loads_no_pyside6():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert "catalog.cli" in found["modules"] and "catalog.models" in found["modules"]
    assert len(found["modules"]) >= 12
    assert found["qt"] == []
