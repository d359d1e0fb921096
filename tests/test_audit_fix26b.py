"""Late fixer fix26b: status-value judgements (a branch raising a completion exception, a read
converted to a string first) and `--diff` patches a typed map's value type forbids."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit

BASE = "https://openapi.akool.com/api/open/v3"
PY_READ = (
    "import requests\n"
    f'BASE = "{BASE}"\n'
    "def check(vid):\n"
    '    d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()["data"]\n'
)
JS_READ = (
    f'const BASE = "{BASE}";\n'
    "export async function step(id) {\n"
    "  const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);\n"
    "  const j = await r.json();\n"
)


def status_findings(tmp_path: Path, name: str, source: str) -> list[int]:
    path = tmp_path / name
    path.write_text(source)
    result = audit([path])
    return [f.line for f in result.findings if f.rule == "status-value" and f.severity != "info"]


def test_a_branch_raising_a_completion_exception_with_arguments_is_not_read_as_failed(
    tmp_path: Path,
) -> None:
    done = PY_READ + '    if d["video_status"] == 3:\n        raise RenderFinished(vid)\n'
    assert status_findings(tmp_path, "done.py", done) == []
    js = JS_READ + "  if (j.data.video_status === 3) {\n    throw new JobDone(id);\n  }\n}\n"
    assert status_findings(tmp_path, "done.js", js) == []
    failed = PY_READ + '    if d["video_status"] == 3:\n        raise RenderFailed(vid)\n'
    assert status_findings(tmp_path, "failed.py", failed) == [5]


def test_a_read_converted_to_a_string_first_may_be_compared_with_digits_in_quotes(
    tmp_path: Path,
) -> None:
    js = JS_READ + '  if (String(j.data.video_status) === "3") return j.data.video;\n'
    js += '  if (j.data.video_status.toString() === "4") throw new Error("failed");\n}\n'
    assert status_findings(tmp_path, "str.js", js) == []
    php = (
        '<?php\n$r = json_decode(file_get_contents("'
        + BASE
        + '/content/video/infobymodelid?video_model_id=$id"), true);\n'
    )
    php += 'if (strval($r["data"]["video_status"]) === "3") { echo "ok"; }\n'
    assert status_findings(tmp_path, "str.php", php) == []
    plain = JS_READ + '  if (j.data.video_status === "3") return j.data.video;\n}\n'
    assert status_findings(tmp_path, "plain.js", plain) == [5]
