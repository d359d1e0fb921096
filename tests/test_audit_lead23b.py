"""Session twelve, lead: the objects a file makes of a class it imports are looked for only on
the lines naming the class (break21f #10: a bundle importing hundreds of classes was searched
whole once per class: 190 KB 40 s CPU)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.audit import scan
from akool_cli.audit.scan import audit_text, objects_of

HELPER = (
    "// AKOOL: talking-photo status helper (docs.akool.com)\n"
    'const AK = "https://openapi.akool.com/api/open/v3";\n'
    "async function akool(id) {\n"
    "  const r = await fetch(`${AK}/content/video/infobymodelid?video_model_id=${id}`);\n"
    "  return (await r.json()).data.video_status;\n"
    "}\n"
)
MODULE = (
    "// module {i}\n"
    'const Emitter{i}Class = require("events-shim-{i}");\n'
    "function createManager{i}(options) {{\n"
    "  const normalized = Object.assign({{}}, options || {{}});\n"
    "  const emitter = new Emitter{i}Class();\n"
    '  emitter.emit("change", normalized);\n'
    "}}\n"
)


def bundle(n: int) -> str:
    return HELPER + "".join(MODULE.format(i=i) for i in range(n))


def test_a_bundles_objects_are_looked_for_in_work_linear_in_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scanned: list[int] = []
    made = scan._made

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, text: str) -> Iterator[re.Match[str]]:
            scanned.append(len(text))
            return self.pattern.finditer(text)

    monkeypatch.setattr(scan, "_made", lambda cls: Counting(made(cls)))

    def work(n: int) -> int:
        scanned.clear()
        audit_text(bundle(n), "app.js")
        return sum(scanned)

    small, large = work(20), work(200)
    assert 0 < large <= 12 * small  # (each class's search over the whole text: 100x)


def test_objects_are_found_as_the_whole_text_search_found_them() -> None:
    text = (
        "const a = new AkoolClient(key);\n"
        "this.client =\n  new AkoolClient(key);\n"
        "function f(api: AkoolClient) {}\n"
        "AkoolClient c = build();\n"
        "c := akool.New(cfg)\n"
        "var s *AkoolClient\n"
        "const other = new Other();\n"
    )
    assert sorted(objects_of(text, "AkoolClient")) == sorted(["a", "client", "api", "c", "c", "s"])


PYDANTIC_DATA = (
    "import requests\n"
    "from pydantic import BaseModel\n"
    'BASE = "https://openapi.akool.com/api/open/v3"\n'
    "class VideoInfo(BaseModel):\n"
    "    video_status: int\n"
    "    video: str | None = None\n"
    "def info(video_id: str) -> VideoInfo:\n"
    '    r = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": video_id})\n'
    "    return GIVEN\n"
)
GO_DATA = (
    "package akool\n"
    'import ("encoding/json"; "net/http")\n'
    'const base = "https://openapi.akool.com/api/open/v3"\n'
    "type envelope struct {\n"
    '\tCode int             `json:"code"`\n'
    '\tData json.RawMessage `json:"data"`\n'
    "}\n"
    "type videoInfo struct {\n"
    '\tVideoStatus int `json:"video_status"`\n'
    "}\n"
    "func get(url string, out any) error {\n"
    "\tresp, err := http.Get(url)\n"
    "\tif err != nil {\n\t\treturn err\n\t}\n"
    "\tvar env envelope\n"
    "\tif err := json.NewDecoder(resp.Body).Decode(&env); err != nil {\n\t\treturn err\n\t}\n"
    "\treturn json.Unmarshal(env.Data, out)\n"
    "}\n"
    "func Video(id string) (videoInfo, error) {\n"
    "\tvar v videoInfo\n"
    '\terr := get(base+"/content/video/infobymodelid?video_model_id="+id, &v)\n'
    "\treturn v, err\n"
    "}\n"
)


@pytest.mark.parametrize(
    "given",
    [
        'VideoInfo.model_validate(r.json()["data"])',
        'VideoInfo(**r.json()["data"])',
        'VideoInfo.model_validate(r.json().get("data"))',
    ],
)
def test_a_python_model_of_the_answers_data_is_no_model_of_the_answer(given: str) -> None:
    findings = audit_text(PYDANTIC_DATA.replace("GIVEN", given), "info.py")
    assert [(f.line, f.rule) for f in findings if f.severity == "error"] == []


def test_a_go_helper_unmarshalling_the_envelopes_data_into_its_parameter_is_no_answer_model() -> (
    None
):
    findings = audit_text(GO_DATA, "akool.go")
    assert [(f.line, f.rule) for f in findings if f.severity == "error"] == []


def _akool(*args: str, cwd: Path) -> tuple[int, str]:
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "akool_cli", *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    return run.returncode, run.stderr


SCRIPT = 'import requests\nrequests.post("https://openapi.akool.com/api/open/v3/content/video/x")\n'


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (("--diff", "t.py"), "t.py"),
        (("t.py",), "t.py"),
        (("scripts",), "scripts/talk.py"),
    ],
)
def test_output_naming_an_audited_script_is_refused(
    tmp_path: Path, args: tuple[str, ...], target: str
) -> None:
    (tmp_path / "scripts").mkdir()
    for name in ("t.py", "scripts/talk.py"):
        (tmp_path / name).write_text(SCRIPT, encoding="utf-8")
    code, err = _akool("audit", *args, "--output", target, cwd=tmp_path)
    assert code == 2 and "being audited" in err
    assert (tmp_path / target).read_text(encoding="utf-8") == SCRIPT


def test_output_replacing_an_earlier_report_in_the_tree_is_fine(tmp_path: Path) -> None:
    (tmp_path / "t.py").write_text(SCRIPT, encoding="utf-8")
    for _ in range(2):
        code, _err = _akool("audit", ".", "--json", "--output", "audit.json", cwd=tmp_path)
        assert code == 8
    assert (tmp_path / "audit.json").read_text(encoding="utf-8").startswith("[")
