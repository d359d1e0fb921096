"""The lead's fixes of session 31: what blind testers found after the helpers' merge."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from akool_cli import __version__
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


# Imported by Python at start-up from PYTHONPATH: when `-m` imports akool's entry, a string exec
# ends with a KeyboardInterrupt that is caught, as a stop signal landing inside a dataclass's
# generated method (built by string exec) does mid-run.
STOP_IN_STRING_EXEC = """\
import sys

class Hook:
    def find_spec(self, name, path=None, target=None):
        if name == "akool_cli.entry":
            try:
                exec("raise KeyboardInterrupt")
            except KeyboardInterrupt:
                pass
        return None

sys.meta_path.insert(0, Hook())
"""


def test_python_m_exits_with_its_own_code_after_a_stop_in_a_string_exec(tmp_path: Path) -> None:
    """break21s: `python -m akool_cli audit --json .` stopped by SIGTERM 0.4-0.7 s in exited 130
    (killed by SIGINT) while its document said 143: CPython's `-m` ends by SIGINT once a string
    exec ended with a KeyboardInterrupt, caught or not. The exit is the run's own code."""
    (tmp_path / "sitecustomize.py").write_text(STOP_IN_STRING_EXEC)
    run = subprocess.run(
        [sys.executable, "-m", "akool_cli", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])},
        check=False,
    )
    assert (run.returncode, run.stdout) == (0, f"akool {__version__}\n"), run.stderr
