"""A fifth break-it run of `akool audit` (issue 21, measured on real third-party code), each shape
pinned with scripts written here: string contents are never keys, a URL that paths are joined to is
a base, shell functions scope their responses, nested and array-typed request fields, every
documented answer field, answers read through a Promise wrapper, and array-typed answers."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
TALKING = "/content/video/createbytalkingphoto"


def places(findings: list[Finding]) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.found) for f in findings]


# -- 1. the words of a string are never a body's keys ---------------------------------------------


@pytest.mark.parametrize(
    "prompt",
    [
        "`Answer with: short sentences.\nKeep the order: of the steps,\nformat: plain text`",
        "`You are helpful.\n  order: newest first\n  with: ${tone} and care`",
        '"Answer with: care, order: by date"',
        "'Reply in format: json, order: asc'",
    ],
)
def test_a_prompt_strings_words_are_not_body_keys(prompt: str) -> None:
    text = (
        f'const BASE = "{V4}";\n'
        "export async function kb(name) {\n"
        "  return axios.post(`${BASE}/knowledge/create`, {\n"
        "    name,\n"
        f"    prompt: {prompt},\n"
        "    colour: 'x',\n"
        "  });\n"
        "}\n"
    )
    found = [f for f in places(audit_text(text, "kb.ts")) if f[1] == "unknown-field"]
    assert [name for _, _, name in found] == ["colour"]


def test_a_template_literals_interpolated_code_still_has_keys() -> None:
    text = (
        f'const BASE = "{V3}";\n'
        f"fetch(`${{BASE}}{TALKING}`, {{ method: 'POST', body: JSON.stringify({{\n"
        "  talking_photo_url: p, audio_url: a,\n"
        "  note: `made at ${JSON.stringify({ resolution: r })}`,\n"
        "  webhook_url: w,\n"
        "}) });\n"
    )
    names = {f[2] for f in places(audit_text(text, "t.js")) if "field" in f[1]}
    assert {"note", "webhook_url"} <= names


# -- 2. a URL that paths are joined to is a base, not a call --------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "img.py",
            "import requests\n"
            "class ImageClient:\n"
            f'    BASE = "{V3}/content/image"\n'
            "    def create(self, prompt):\n"
            '        return requests.post(self.BASE + "/createbyprompt", json={"prompt": prompt})\n'
            "    def get(self, i):\n"
            '        return requests.get(f"{self.BASE}/infobymodelid", params={"image_model_id": i})\n',
        ),
        (
            "img.ts",
            "export class Images {\n"
            f'  private readonly base = "{V3}/content/image";\n'
            "  create(prompt: string) {\n"
            "    return fetch(`${this.base}/createbyprompt`, { method: 'POST', body: JSON.stringify({ prompt }) });\n"
            "  }\n"
            "}\n",
        ),
        (
            "swap.sh",
            f'FACESWAP="{V4}/faceswap"\n'
            'curl -s -X POST "$FACESWAP/faceswapByImage" -H "x-api-key: $K" -d "$BODY"\n',
        ),
        (
            "Swap.java",
            "class Swap {\n"
            f'  static final String BASE = "{V3}/faceswap/highquality";\n'
            '  String url() { return BASE + "/specifyimage"; }\n'
            "}\n",
        ),
    ],
)
def test_a_base_with_a_documented_prefix_is_not_a_call(name: str, text: str) -> None:
    assert places(audit_text(text, name)) == []


def test_the_paths_joined_to_a_longer_base_are_judged() -> None:
    text = (
        "import requests\n"
        "class Images:\n"
        f'    BASE = "{V3}/content/imagez"\n'
        "    def create(self, p):\n"
        '        return requests.post(f"{self.BASE}/createbyprompt", json={"prompt": p})\n'
    )
    assert places(audit_text(text, "i.py")) == [(5, "unknown-endpoint", "/createbyprompt")]


def test_a_url_in_a_name_that_nothing_is_joined_to_is_still_a_call() -> None:
    text = f'NOPE = "{V3}/content/nothing"\nrequests.get(NOPE)\n'
    assert [f[1] for f in places(audit_text(text, "n.py"))] == ["unknown-endpoint"]


# -- 4. a shell function's response is its own -------------------------------------------------


def _shell(second: str) -> str:
    return (
        "#!/bin/bash\n"
        f'API="{V3}"\n'
        "create() {\n"
        "  local response\n"
        f'  response=$(curl -s -X POST "$API{TALKING}" -d \'{{"talking_photo_url":"a","audio_url":"b"}}\')\n'
        "  echo \"$response\" | jq -r '.data._id'\n"
        "}\n" + second
    )


@pytest.mark.parametrize(
    "second",
    [
        "status() {\n  local response\n  read -r response < own.json\n"
        "  echo \"$response\" | jq -r '.data.task_id'\n}\n",
        "function status {\n  local response\n  response=$(cat own.json)\n"
        "  echo \"$response\" | jq -r '.data.task_id'\n}\n",
        "function status() {\n  echo \"$response\" | jq -r '.data.task_id'\n}\n",
        "status()\n{\n  jq -r '.data.task_id' own.json\n}\n",
    ],
)
def test_a_read_in_another_shell_function_is_not_tied(second: str) -> None:
    assert places(audit_text(_shell(second), "s.sh")) == []


def test_a_read_in_the_calls_own_shell_function_is_still_tied() -> None:
    text = _shell("").replace(".data._id", ".data.task_id")
    assert places(audit_text(text, "s.sh")) == [(6, "response-field", "task_id")]


def test_top_level_code_after_shell_functions_reads_the_top_level_call() -> None:
    text = (
        f'API="{V3}"\n'
        f'R=$(curl -s -X POST "$API{TALKING}" -d "$B")\n'
        "helper() {\n  echo hi\n}\n"
        "echo \"$R\" | jq -r '.data.task_id'\n"
    )
    assert places(audit_text(text, "s.sh")) == [(6, "response-field", "task_id")]
