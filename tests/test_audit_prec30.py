"""Session 30, prec30: no false finding on correct code (an axios client whose interceptor
gives the body, a test that expects a bad value to fail) and no warning where the request
always fails (a query id sent alone, a quota answer's guessed field)."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

B = "https://openapi.akool.com/api/open/v3"
TALK = "/content/video/createbytalkingphoto"
INFO = "/content/video/infobymodelid"


def errors(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity == "error"]


# -- repro21n axios-interceptor-returns-body-false-response-field ---------------------------------


def _interceptor_client(interceptor: str, reads: str) -> str:
    return (
        'const axios = require("axios");\n'
        f'const akool = axios.create({{ baseURL: "{B}" }});\n'
        f"{interceptor}\n"
        "async function create(photo, audio) {\n"
        f'  const res = await akool.post("{TALK}", {{ talking_photo_url: photo, audio_url: audio }});\n'
        "  if (res.code !== 1000) throw new Error(res.msg);\n"
        "  return res.data._id;\n"
        "}\n"
        "function status(id) {\n"
        f'  return akool.get("{INFO}", {{ params: {{ video_model_id: id }} }}).then((r) => {reads});\n'
        "}\n"
        "module.exports = { create, status };\n"
    )


UNWRAPPERS = [
    "akool.interceptors.response.use((response) => response.data);",
    "akool.interceptors.response.use(({ data }) => data);",
    "akool.interceptors.response.use(({ data: body }) => body);",
    "akool.interceptors.response.use(function ({ data }) { return data; });",
    "akool.interceptors.response.use(async ({ data }: AxiosResponse) => { return data; });",
]


@pytest.mark.parametrize("interceptor", UNWRAPPERS)
def test_a_client_whose_interceptor_gives_the_body_is_read_as_the_answer(interceptor: str) -> None:
    text = _interceptor_client(interceptor, "r.data.video_status === 3 ? r.data.video : null")
    assert errors(text, "client.ts") == []


@pytest.mark.parametrize("interceptor", UNWRAPPERS[:3])
def test_a_wrong_read_through_an_unwrapping_client_is_still_reported(interceptor: str) -> None:
    text = _interceptor_client(interceptor, "r.data.video_status === 7 && r.data.video_url")
    found = {(f.rule, f.found) for f in errors(text, "client.js")}
    assert ("status-value", "7") in found
    assert any(rule == "response-field" and "video_url" in what for rule, what in found)


def test_without_the_interceptor_the_axios_body_read_is_still_reported() -> None:
    text = _interceptor_client("", "r.data.video_status === 3 ? r.data.video : null")
    found = [f for f in errors(text, "client.js") if f.rule == "response-field"]
    assert {f.line for f in found} == {7, 10}


def test_a_module_the_file_imports_is_not_its_own_function() -> None:
    # `axios.create(` is axios' create, not the file's own `create` (whose answer it would read).
    text = _interceptor_client(UNWRAPPERS[0], "r.data.video_status === 3 ? r.data.video : null")
    assert errors(text.replace("function status", "function create2"), "client.js") == []
