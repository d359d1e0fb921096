"""The lead's fixes of session 31: what blind testers found after the helpers' merge."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CALL = (
    "import requests\n"
    'requests.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt",'
    ' json={"prompt": "p", "size": "1:1"})\n'
)


@pytest.mark.parametrize("shadow", ["json.py", "typing.py", "logging.py"])
def test_python_m_never_imports_the_audited_folders_modules(tmp_path: Path, shadow: str) -> None:
    """break21s: `python -m akool_cli` puts the current folder first on sys.path, so auditing a
    folder that holds a `json.py` ran that file inside akool (with the user's environment) and
    then died with a traceback. The folder's modules are never imported: one JSON document."""
    marker = tmp_path / "MARKER"
    (tmp_path / shadow).write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    (tmp_path / "render.py").write_text(CALL)
    run = subprocess.run(
        [sys.executable, "-m", "akool_cli", "audit", "--json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert not marker.exists(), run.stderr
    assert run.returncode == 8, run.stderr
    assert [f["rule"] for f in json.loads(run.stdout)] == ["misnamed-field"]
