"""Late fixer fix26b: status-value judgements (a branch raising a completion exception, a read
converted to a string first) and `--diff` patches a typed map's value type forbids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit import statuses
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


TYPED_DICT = (
    "from typing import Literal, TypedDict\n"
    "import requests\n"
    "class TalkBody(TypedDict):\n"
    "    audio_url: str\n"
    "    resolution: Literal[MEMBERS]\n"
    "def talk(audio: str) -> object:\n"
    '    body: TalkBody = {"audio_url": audio, "resolution": "720p"}\n'
    f'    return requests.post("{BASE}/content/video/createbytalkingphoto", json=body).json()\n'
)


def value_fixes(tmp_path: Path, members: str) -> list[tuple[int, str | None]]:
    path = tmp_path / "typeddict.py"
    path.write_text(TYPED_DICT.replace("MEMBERS", members))
    found = audit([path]).findings
    return [(f.line, f.fix.new if f.fix else None) for f in found if "720p" in f.message]


def test_no_patch_writes_a_string_a_python_literal_annotation_forbids(tmp_path: Path) -> None:
    # (the Literal's own "720p" is judged too, as a TypeScript union's member is: never patched)
    assert value_fixes(tmp_path, '"720p", "1080p"') == [(5, None), (7, None)]
    assert value_fixes(tmp_path, '"720", "1080"') == [(7, '"720"')]


VIEWS = (
    "import requests\n"
    "from .models import Render\n"
    f'BASE = "{BASE}"\n'
    "def refresh(render: Render) -> None:\n"
    '    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": render.akool_id}).json()\n'
    '    render.url = j["data"]["video"]\n'
    "def publishable(render: Render) -> bool:\n"
    "    if render.video_status == 5:\n"
    "        return False\n"
    "    return render.video_status == 3\n"
)


def test_a_record_of_the_apps_own_models_module_is_not_an_answer(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "models.py").write_text(
        "from django.db import models\n"
        "class Render(models.Model):\n"
        "    video_status = models.IntegerField(default=0)\n"
    )
    (app / "views.py").write_text(VIEWS)
    result = audit([app])
    assert [f.line for f in result.findings if f.rule == "status-value"] == []
    ts = (
        'import { Job } from "@prisma/client";\n'
        + JS_READ.replace("(id)", "(id, job: Job)")
        + "  if (job.video_status === 0) return null;\n  return j.data.video;\n}\n"
    )
    assert status_findings(tmp_path, "jobs.ts", ts) == []
    answer = JS_READ + "  if (j.data.video_status === 5) return null;\n}\n"
    assert status_findings(tmp_path, "answer.ts", answer) == [5]


class Counting:
    """A pattern that counts its finditer calls."""

    def __init__(self, pattern: Any) -> None:
        self.pattern, self.calls = pattern, 0

    def finditer(self, *args: Any) -> Any:
        self.calls += 1
        return self.pattern.finditer(*args)


def test_state_name_tables_are_indexed_once_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counting = Counting(statuses.TABLE)
    monkeypatch.setattr(statuses, "TABLE", counting)
    lines = [PY_READ.rstrip("\n"), '    return LABELS[d["video_status"]]']
    for i in range(60):
        lines += [f"def f{i}(d):", '    return LABELS[d["video_status"]]']
    lines.append('LABELS = {1: "queued", 2: "done", 3: "failed"}')
    source = "\n".join(lines) + "\n"
    found = status_findings(tmp_path, "labels.py", source)
    assert counting.calls == 1
    table = source.count("\n")
    assert found == [table, table]  # (2 is named done, 3 failed: the docs say 3 is completed)
