"""akool audit on a folder of realistic scripts: every planted mistake found, nothing else."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from akool_cli.audit.scan import RULES, audit, iter_files, rules_table
from tests.conftest import SHARED, Isolation
from tests.support.runner import invoke

# shared/ sits beside the checkout (/work/main) or beside the worktrees' folder (/work/wt/NAME).
DOCS = next(
    (
        p / "akool-docs"
        for p in (SHARED, SHARED.parent.parent / "shared")
        if (p / "akool-docs").is_dir()
    ),
    SHARED / "akool-docs",
)
needs_docs = pytest.mark.skipif(
    not DOCS.is_dir(), reason="../shared/akool-docs is not beside this checkout"
)

LEGACY_SH = """#!/usr/bin/env bash
# Found on a blog: make a talking photo with AKOOL.
set -euo pipefail
BASE=https://api.akool.com
TOKEN=$(curl -s -X POST "$BASE/auth" -H 'Content-Type: application/json' \\
  -d '{"client_id": "'"$CLIENT_ID"'", "client_secret": "'"$CLIENT_SECRET"'"}' | jq -r .access_token)
TASK=$(curl -s -X POST "$BASE/photo/talking" \\
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
  -d '{"image_url": "https://x.example/me.jpg", "audio_url": "https://x.example/a.mp3", "webhook_url": "https://hook.example", "resolution": "720p"}' \\
  | jq -r .data.task_id)
sleep 30
curl -s "$BASE/video/status/$TASK" -H "Authorization: Bearer $TOKEN"
"""

GOOD_PY = '''"""Make a talking photo with AKOOL's documented API (no findings expected)."""

import os
import time

import requests

BASE = "https://openapi.akool.com"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def create(image_url: str, audio_url: str, resolution: str = "1080") -> str:
    body = {
        "talking_photo_url": image_url,
        "audio_url": audio_url,
        "resolution": resolution,
        "webhookUrl": "https://example.com/hook",
    }
    answer = requests.post(
        f"{BASE}/api/open/v3/content/video/createbytalkingphoto", json=body, headers=HEADERS
    ).json()
    if answer["code"] != 1000:
        raise RuntimeError(answer["msg"])
    return answer["data"]["_id"]


def wait(job_id: str) -> dict:
    while True:
        data = requests.get(
            f"{BASE}/api/open/v3/content/video/infobymodelid",
            params={"video_model_id": job_id},
            headers=HEADERS,
        ).json()["data"]
        if data["video_status"] in (3, 4):
            return data
        time.sleep(5)


def credit() -> float:
    return requests.get(f"{BASE}/api/open/v3/faceswap/quota/info", headers=HEADERS).json()["data"]["credit"]


if __name__ == "__main__":
    video = wait(create("https://example.com/me.jpg", "https://example.com/hello.mp3", resolution="720"))
    print(video["video"])
'''

POSTMAN = {
    "info": {"name": "AKOOL talking photo", "schema": "https://schema.getpostman.com/v2.1.0"},
    "item": [
        {
            "name": "Create",
            "request": {
                "method": "POST",
                "header": [{"key": "x-api-key", "value": "{{apiKey}}"}],
                "url": {
                    "raw": "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
                },
                "body": {
                    "mode": "raw",
                    "raw": '{"image_url": "{{img}}", "audio_url": "{{audio}}", "webhook_url": "{{hook}}"}',
                },
            },
        },
        {
            "name": "Status",
            "request": {
                "method": "GET",
                "header": [{"key": "x-api-key", "value": "{{apiKey}}"}],
                "url": {
                    "raw": "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?task_id={{id}}"
                },
            },
        },
        {
            "name": "Voices",
            "request": {
                "method": "GET",
                "url": {"raw": "https://openapi.akool.com/api/open/v3/voice/list"},
            },
        },
    ],
}

POLL_JS = """// Create a talking photo and poll it (from a gist).
const BASE = "https://openapi.akool.com";
export async function run(key, img, audio) {
  const res = await fetch(`${BASE}/api/open/v3/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: img, audio_url: audio, resolution: 1080 }),
  });
  const json = await res.json();
  const taskId = json.data.task_id;
  const status = await fetch(`${BASE}/api/open/v3/content/video/getvideostatus?task_id=${taskId}`, {
    headers: { "x-api-key": key },
  });
  return status.json();
}
"""

README_MD = """# Our video pipeline

Get a token first:

```sh
curl -X POST https://openapi.akool.com/api/open/v3/getToken \\
  -H 'Content-Type: application/json' \\
  -d '{"clientId": "'$ID'", "clientSecret": "'$SECRET'"}'
```

Then create the video:

```sh
curl -X POST https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto \\
  -H "x-api-key: $AKOOL_API_KEY" \\
  -H "Authorization: Bearer $TOKEN" \\
  -H 'Content-Type: application/json' \\
  -d '{"talking_photo_url": "https://x.example/me.jpg", "audio_url": "https://x.example/a.mp3"}'
```

See https://docs.akool.com for more, or our image_url notes in the wiki.
"""

UNRELATED_PY = """# Not an AKOOL script: generic names must not be flagged.
def upload(image_url, task_id, client_id, resolution=720):
    return {"image_url": image_url, "task_id": task_id, "access_token": client_id}
"""


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    root = tmp_path / "scripts"
    (root / "js").mkdir(parents=True)
    (root / "legacy.sh").write_text(LEGACY_SH)
    (root / "good.py").write_text(GOOD_PY)
    (root / "akool.postman_collection.json").write_text(json.dumps(POSTMAN, indent=2))
    (root / "js" / "poll.js").write_text(POLL_JS)
    (root / "README.md").write_text(README_MD)
    (root / "unrelated.py").write_text(UNRELATED_PY)
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00/auth api.akool.com")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("url = https://api.akool.com/photo/talking\n")
    return root


def by_file(root: Path, name: str) -> set[tuple[int, str, str, str]]:
    found = audit([root]).findings
    return {(f.line, f.rule, f.found, f.documented) for f in found if f.file.endswith(name)}


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_bash_script_from_a_blog(samples: Path) -> None:
    got = by_file(samples, "legacy.sh")
    host = line_of(LEGACY_SH, "BASE=https://api.akool.com")
    auth = line_of(LEGACY_SH, '"$BASE/auth"')
    body = line_of(LEGACY_SH, '"client_id"')
    create = line_of(LEGACY_SH, "$BASE/photo/talking")
    fields = line_of(LEGACY_SH, '"image_url"')
    read = line_of(LEGACY_SH, ".data.task_id")
    status = line_of(LEGACY_SH, "/video/status/")
    assert got == {
        (host, "wrong-host", "api.akool.com", "openapi.akool.com"),
        (auth, "undocumented-path", "/auth", "the x-api-key header, or POST /api/open/v3/getToken"),
        (body, "misnamed-field", "client_id", "clientId"),
        (body, "misnamed-field", "client_secret", "clientSecret"),
        (body, "response-field", "access_token", "token"),
        (
            create,
            "undocumented-path",
            "/photo/talking",
            "POST /api/open/v3/content/video/createbytalkingphoto",
        ),
        (fields, "misnamed-field", "image_url", "talking_photo_url"),
        (fields, "misnamed-field", "webhook_url", "webhookUrl"),
        (fields, "bad-value", '"720p"', '"720" or "1080"'),
        (read, "response-field", "task_id", "data._id"),
        (
            status,
            "undocumented-path",
            "/video/status/$TASK",
            "GET /api/open/v3/content/video/infobymodelid?video_model_id=<_id>",
        ),
    }


def test_the_correct_python_script_has_no_findings(samples: Path) -> None:
    assert by_file(samples, "good.py") == set()


def test_a_script_that_is_not_about_akool_has_no_findings(samples: Path) -> None:
    assert by_file(samples, "unrelated.py") == set()


def test_the_postman_collection(samples: Path) -> None:
    text = json.dumps(POSTMAN, indent=2)
    body = line_of(text, "image_url")
    query = line_of(text, "infobymodelid?task_id")
    # GET /api/open/v3/voice/list is documented (docs.akool.com/ai-tools-suite/audio): no finding.
    assert by_file(samples, ".postman_collection.json") == {
        (body, "misnamed-field", "image_url", "talking_photo_url"),
        (body, "misnamed-field", "webhook_url", "webhookUrl"),
        (query, "misnamed-field", "task_id", "video_model_id"),
    }


def test_the_javascript_snippet(samples: Path) -> None:
    body = line_of(POLL_JS, "JSON.stringify")
    read = line_of(POLL_JS, "json.data.task_id")
    status = line_of(POLL_JS, "getvideostatus")
    assert by_file(samples, "poll.js") == {
        (body, "bad-value", "1080", '"720" or "1080"'),
        (read, "response-field", "task_id", "data._id"),
        (
            status,
            "undocumented-path",
            "/api/open/v3/content/video/getvideostatus",
            "GET /api/open/v3/content/video/infobymodelid?video_model_id=<_id>",
        ),
        (status, "misnamed-field", "task_id", "video_model_id"),
    }


def test_the_readme_with_curl_examples(samples: Path) -> None:
    token = line_of(README_MD, "/api/open/v3/getToken")
    both = line_of(README_MD, "Authorization: Bearer")
    assert by_file(samples, "README.md") == {
        (
            token,
            "legacy-token-flow",
            "/api/open/v3/getToken",
            "the x-api-key header with an API key",
        ),
        (both, "both-auth-headers", "Authorization", "one of x-api-key or Authorization"),
    }


def test_severities(samples: Path) -> None:
    # (a guessed status path's query is a note for when it is moved: see test_audit_ans21.py)
    severities = {
        f.rule: f.severity for f in audit([samples]).findings if "is moved to" not in f.message
    }
    assert severities["both-auth-headers"] == "warning"
    assert severities["legacy-token-flow"] == "info"
    assert {severities[r] for r in ("undocumented-path", "wrong-host", "misnamed-field")} == {
        "error"
    }


def test_binary_files_and_git_are_skipped(samples: Path) -> None:
    files = {f.file for f in audit([samples]).findings}
    assert not any(name.endswith((".png", "config")) for name in files)


def test_cli_lines_summary_and_exit_code(samples: Path) -> None:
    result = invoke(["audit", str(samples)], expect=8)
    lines = result.stdout.splitlines()
    assert len(lines) == 20
    assert f"{samples / 'legacy.sh'}:5:" in result.stdout
    assert all(": error: " in line or ": warning: " in line or ": info: " in line for line in lines)
    assert "(documented: talking_photo_url) [misnamed-field]" in result.stdout
    assert "akool-api.md" not in result.stdout
    # (poll.js's query of a guessed status path is a note: see test_audit_ans21.py)
    assert (
        result.stderr.strip()
        == "17 error(s), 1 warning(s), 2 info: 6 file(s) scanned, 4 with findings"
    )


def test_cli_json_has_one_object_per_finding(samples: Path) -> None:
    result = invoke(["audit", "--json", str(samples / "js")], expect=8)
    findings = json.loads(result.stdout)
    assert len(findings) == 4
    assert set(findings[0]) == {
        "file",
        "line",
        "column",
        "rule",
        "severity",
        "found",
        "documented",
        "message",
    }
    assert findings[0]["column"] >= 1


def test_warnings_and_info_alone_exit_0(samples: Path) -> None:
    result = invoke(["audit", str(samples / "README.md")], expect=0)
    assert "warning" in result.stdout and "info" in result.stdout


def test_include_and_exclude(samples: Path) -> None:
    only_js = invoke(["audit", "--json", "--include", "*.js", str(samples)], expect=8)
    assert {f["file"] for f in json.loads(only_js.stdout)} == {str(samples / "js" / "poll.js")}
    no_errors = invoke(
        ["audit", "--exclude", "*.sh", "--exclude", "js/*", "--exclude", "*.json", str(samples)],
        expect=0,
    )
    assert "legacy.sh" not in no_errors.stdout


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(["audit", str(tmp_path / "nope")], expect=2)
    assert "no such file or folder" in result.stderr


def test_each_call_is_judged_by_its_own_endpoint(tmp_path: Path) -> None:
    """image_url and "720p" are right for the endpoints that document them; wrong only for
    talking photo, whose page documents talking_photo_url and "720" | "1080"."""
    script = tmp_path / "other_products.py"
    script.write_text(
        'BASE = "https://openapi.akool.com"\n'
        'requests.post(f"{BASE}/api/open/v4/characterSwap/create",\n'
        '    json={"image": img, "video": vid, "resolution": "720p"})\n'
        + "\n"
        * 25
        + 'requests.post(f"{BASE}/api/open/v4/image2Video/createBySourcePrompt",\n'
        '    json={"image_url": img, "prompt": "wave", "resolution": "720p"})\n'
        + "\n" * 25
        + 'requests.post("https://sg3.akool.com/detect", json={"image_url": img})\n'
        + "\n" * 25
        + 'requests.post(f"{BASE}/api/open/v3/content/video/createbytalkingphoto",\n'
        '    json={"image_url": img, "audio_url": a, "resolution": "720p"})\n'
    )
    # (the bodies are partial on purpose: missing-field has its own tests)
    found = [f for f in audit([script]).findings if f.rule != "missing-field"]
    talking = line_of(script.read_text(), '"audio_url": a')
    assert [(f.line, f.rule, f.found) for f in found] == [
        (talking, "misnamed-field", "image_url"),
        (talking, "bad-value", '"720p"'),
    ]
    assert "docs.akool.com/ai-tools-suite/talking-photo/create-video" in found[0].message


def test_retired_paths_warn_and_name_the_replacement(tmp_path: Path) -> None:
    script = tmp_path / "live.sh"
    script.write_text(
        "curl -X POST https://openapi.akool.com/api/open/v3/liveAvatar/session/create\n"
        "curl -X POST https://openapi.akool.com/api/open/v5/faceswap/faceswapByImage\n"
        "curl https://openapi.akool.com/api/open/v3/content/image/infodetail\n"
    )
    found = audit([script]).findings
    assert [(f.rule, f.severity) for f in found] == [
        ("retired-endpoint", "warning"),
        ("retired-endpoint", "warning"),
        ("unknown-endpoint", "error"),
    ]
    assert found[0].documented == (
        "POST /api/open/v4/liveAvatar/session/create "
        "(docs.akool.com/ai-tools-suite/live-avatar/create-session)"
    )
    assert "/api/open/v4/faceswap/faceswapByImage" in found[1].documented


def test_hosts(tmp_path: Path) -> None:
    script = tmp_path / "hosts.sh"
    script.write_text(
        "curl https://openapi.akool.com/interface/detect-api/detect_faces\n"
        "curl https://sg3.akool.com/detect\n"
        "curl https://api.akool.com/api/open/v3/faceswap/quota/info\n"
        "curl https://open.akool.com/api/open/v3/getToken\n"
    )
    found = audit([script]).findings
    # (bare curls to POST endpoints are GETs: wrong-method, pinned in test_audit_gaps.py)
    hosts = [f for f in found if f.rule not in ("legacy-token-flow", "wrong-method")]
    assert [(f.line, f.rule, f.found) for f in hosts] == [
        (3, "wrong-host", "api.akool.com"),
        (4, "doubtful-host", "open.akool.com"),
    ]


def test_a_place_is_reported_once(tmp_path: Path) -> None:
    """A comment that repeats the call's mistake on the same line is not a second finding."""
    script = tmp_path / "dup.py"
    script.write_text(
        'URL = "https://api.akool.com/photo/talking"  # https://api.akool.com/photo/talking\n'
    )
    found = audit([script]).findings
    assert sorted((f.line, f.rule, f.found) for f in found) == [
        (1, "undocumented-path", "/photo/talking"),
        (1, "wrong-host", "api.akool.com"),
    ]


def test_an_ignore_comment_silences_one_rule_on_one_line(tmp_path: Path) -> None:
    script = tmp_path / "quiet.js"
    script.write_text(
        'fetch("https://api.akool.com/photo/talking"); // akool-audit: ignore[wrong-host]\n'
        'fetch("https://api.akool.com/photo/talking");\n'
        'fetch("https://api.akool.com/auth"); // akool-audit: ignore\n'
        'fetch("https://api.akool.com/auth"); // akool-audit: ignore[no-such-rule]\n'
    )
    found = {(f.line, f.rule) for f in audit([script]).findings}
    assert found == {
        (1, "undocumented-path"),
        (2, "undocumented-path"),
        (2, "wrong-host"),
        (4, "undocumented-path"),
        (4, "wrong-host"),
    }


def test_select_and_ignore(samples: Path) -> None:
    only_hosts = invoke(["audit", "--json", "--select", "wrong-host", str(samples)], expect=8)
    assert {f["rule"] for f in json.loads(only_hosts.stdout)} == {"wrong-host"}
    several = invoke(
        [
            *("audit", "--json", "--ignore", "misnamed-field,wrong-host"),
            *("--ignore", "task-id-read", str(samples)),
        ],
        expect=8,
    )
    rules = {f["rule"] for f in json.loads(several.stdout)}
    assert rules and not rules & {"misnamed-field", "wrong-host", "task-id-read"}
    quiet = invoke(["audit", "--select", "both-auth-headers", str(samples)], expect=0)
    assert "[both-auth-headers]" in quiet.stdout
    bad = invoke(["audit", "--select", "nope", str(samples)], expect=2)
    assert "no audit rule named nope" in bad.stderr and "misnamed-field" in bad.stderr


def test_special_files_are_skipped(tmp_path: Path) -> None:
    import os

    root = tmp_path / "tree"
    root.mkdir()
    (root / "call.sh").write_text("curl https://api.akool.com/auth\n")
    os.mkfifo(root / "pipe")
    assert [shown for _, shown in iter_files([root], [], [])] == [str(root / "call.sh")]
    result = invoke(["audit", str(root)], expect=8)
    assert ": 1 file(s) scanned, 1 with findings" in result.stderr


@needs_docs
def test_akools_own_documentation_has_no_error_but_doubtful_hosts() -> None:
    result = audit([DOCS])
    counts = Counter((f.rule, f.severity) for f in result.findings)
    assert counts == {
        # (open.akool.com in avatar.mdx is in prose, a link and a table: mentions, not calls)
        ("doubtful-host", "error"): 2,
        # the two doubtful-host URLs' paths (/api/v3/content/image/bg/replace on contentapi,
        # /api/v1/content/image/infobyid on content.akool.com) are not documented paths either
        ("unknown-endpoint", "error"): 2,
        # the background-change page's own calls: the page says the API is no longer available
        ("deprecated-endpoint", "error"): 5,
        # sdk/jssdk-best-practice reads data.token from getToken, whose token is at the top, and
        # credentials, id and expires_in at the top of what createAvatarSession() returns (the
        # whole answer of liveAvatar/session/create, whose page puts them under data, as _id)
        ("response-field", "error"): 4,
        # live-avatar close-session's four sample bodies send session_id, where its OpenAPI
        # schema requires id (which AKOOL's streaming-avatar demo sends): values24, relay 3; a
        # warning, since the page's own examples send it (real35)
        ("misnamed-field", "warning"): 4,
        # SOURCE.md's table of retired paths is prose: mentions, not calls
        ("legacy-token-flow", "info"): 11,
    }
    pages = {Path(f.file).name for f in result.findings if f.severity == "error"}
    assert pages == {
        "background-change.mdx",
        "image-generate.mdx",
        "jssdk-best-practice.mdx",
    }
    assert not any("akool-api.md" in f.message + f.documented for f in result.findings)


def test_the_rule_table_is_made_from_the_rules() -> None:
    table = rules_table()
    assert all(f"| `{rule.name}` | {rule.severity} |" in table for rule in RULES)
    assert len(table.splitlines()) == len(RULES) + 2


def test_a_file_too_large_to_scan_is_said_not_passed_over(isolated: Isolation) -> None:
    big = isolated.tmp / "huge.sh"
    big.write_text("curl https://api.akool.com/auth\n" + "# padding\n" * 600_000)
    result = invoke(["audit", str(big)], expect=8)  # a gate that never read the file fails
    assert f"{big}: not scanned (larger than 5 MiB)" in result.stderr
    assert "0 file(s) scanned, 0 with findings; 1 file(s) not scanned" in result.stderr
    listed = json.loads(invoke(["audit", "--json", str(big)], expect=8).stdout)
    assert [(e["file"], e["rule"], e["severity"]) for e in listed] == [
        (str(big), "not-scanned", "error")
    ]
    sarif = json.loads(invoke(["audit", "--format", "sarif", str(big)], expect=8).stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"] for n in notes] != []


def test_the_names_of_merged_rules_still_work(tmp_path: Path) -> None:
    """bad-resolution became bad-value, task-id-read and oauth-token-field response-field."""
    script = tmp_path / "old.py"
    script.write_text(
        'r = requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",\n'
        '    json={"talking_photo_url": p, "audio_url": a, "resolution": "720p"})\n'
        'job = r.json()["data"]["task_id"]  # akool-audit: ignore[task-id-read]\n'
    )
    quiet = invoke(["audit", "--json", "--ignore", "bad-resolution", str(script)], expect=0)
    assert json.loads(quiet.stdout) == []
    only = invoke(["audit", "--json", "--select", "bad-resolution", str(script)], expect=8)
    assert [f["rule"] for f in json.loads(only.stdout)] == ["bad-value"]
