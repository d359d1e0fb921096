"""Session thirteen, lead: a typed model built from a name holding the answer's data is no model
of the whole answer (break21g #11: `data = j["data"]; VideoInfo.model_validate(data)` gave 2 false
errors per file, the usual typed-client shape; `model_validate(j["data"])` was already silent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from akool_cli.audit.scan import audit_text

HEAD = (
    "import requests\n"
    "from pydantic import BaseModel\n"
    "\n"
    "class VideoInfo(BaseModel):\n"
    "    video_status: int\n"
    '    video: str = ""\n'
    "\n"
    "def info(key: str, vid: str) -> VideoInfo:\n"
    '    r = requests.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid",\n'
    '                     params={"video_model_id": vid}, headers={"x-api-key": key})\n'
    "    j = r.json()\n"
)


@pytest.mark.parametrize(
    "decode",
    [
        '    data = j["data"]\n    return VideoInfo.model_validate(data)\n',
        '    d = r.json()["data"]\n    return VideoInfo.model_validate(d)\n',
        '    data = j.get("data") or {}\n    return VideoInfo(**data)\n',
        '    data = j["data"]\n    return VideoInfo.parse_obj(data)\n',
    ],
)
def test_a_model_of_a_name_holding_the_data_is_not_judged_as_the_whole_answer(decode: str) -> None:
    assert [f for f in audit_text(HEAD + decode, "client.py") if f.severity == "error"] == []


def test_a_model_of_the_whole_answer_is_still_judged() -> None:
    found = audit_text(HEAD + "    return VideoInfo.model_validate(j)\n", "client.py")
    assert sorted(f.line for f in found if f.rule == "response-field") == [5, 6]


def test_no_text_report_line_starts_a_ci_workflow_command(tmp_path: Path) -> None:
    """break21g: a contributed file named `::warning file=app.py::x.py` made its finding line a
    GitHub Actions workflow command (an annotation on another file; `::stop-commands::` hid the
    rest of the log). The line names it `./::warning ...`, the same file."""
    name = "::warning file=app.py,line=1::all clear.py"
    (tmp_path / name).write_text(
        'requests.get("https://api.akool.com/api/open/v3/faceswap/quota/info")\n'
    )
    result = subprocess.run(
        [sys.executable, "-m", "akool_cli", "audit", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"./{name}:1:") for line in lines), result.stdout
    assert not [line for line in lines if line.startswith("::")]
