"""Session 25, recall25: answer reads and calls the audit missed (break21g #19 and its family,
heldout21m's misses), each with a correct twin that stays silent."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import Finding, audit, audit_text

B = "https://openapi.akool.com/api/open/v3"
ANSWER_RULES = ("response-field", "answer-field", "list-answer")


def answer_findings(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.rule in ANSWER_RULES]


def lines_of(found: list[Finding]) -> list[int]:
    return sorted(f.line for f in found)


# -- #19: reads of what a function returns, right on its call ------------------------------------

HELPER_PY = (
    f'import requests\nBASE = "{B}"\n\n'
    "def _get(path, **params):\n"
    "    return requests.get(BASE + path, params=params).json()\n\n"
    "def image_info(iid):\n"
    '    return _get("/content/image/infobymodelid", image_model_id=iid)["data"]\n\n'
    "def done(iid):\n"
    "    info = image_info(iid)\n"
    '    return info["{field}"] == 3\n'
)
CHAIN_PY = (
    f'import requests\nBASE = "{B}"\n\n'
    "def image_info(iid):\n"
    '    return requests.get(f"{{BASE}}/content/image/infobymodelid", '
    'params={{"image_model_id": iid}}).json()["data"]\n\n'
    "def done(iid):\n"
    '    return image_info(iid)["{field}"] == 3 and image_info(iid).get("image")\n'
)
METHOD_PY = (
    f'import requests\nBASE = "{B}"\n\n'
    "class C:\n"
    "    def _get(self, path, **params):\n"
    "        return requests.get(BASE + path, params=params).json()\n\n"
    "    def image_info(self, iid):\n"
    '        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]\n\n'
    "    def done(self, iid):\n"
    '        return self.image_info(iid)["{field}"] == 3\n'
)
AWAIT_JS = (
    f'const BASE = "{B}";\n'
    "async function imageInfo(id) {{\n"
    "  const res = await fetch(`${{BASE}}/content/image/infobymodelid?image_model_id=${{id}}`);\n"
    "  const body = await res.json();\n"
    "  return body.data;\n"
    "}}\n"
    "async function done(id) {{\n"
    "  return (await imageInfo(id)).{field} === 3;\n"
    "}}\n"
)


def test_helper_returning_a_wrappers_data_field_is_read_as_data() -> None:
    """`return _get(...)["data"]`, _get returning r.json(): what image_info returns is the data."""
    assert lines_of(answer_findings(HELPER_PY.format(field="status"), "h.py")) == [12]
    assert answer_findings(HELPER_PY.format(field="image_status"), "h.py") == []


def test_read_right_on_the_call_of_a_data_returner() -> None:
    found = answer_findings(CHAIN_PY.format(field="status"), "c.py")
    assert lines_of(found) == [8] and found[0].documented.startswith("data.image_status")
    assert answer_findings(CHAIN_PY.format(field="image_status"), "c.py") == []


def test_read_right_on_a_method_call_and_an_awaited_call() -> None:
    assert lines_of(answer_findings(METHOD_PY.format(field="status"), "m.py")) == [12]
    assert answer_findings(METHOD_PY.format(field="image_status"), "m.py") == []
    assert lines_of(answer_findings(AWAIT_JS.format(field="status"), "a.js")) == [8]
    assert answer_findings(AWAIT_JS.format(field="image_status"), "a.js") == []


def test_object_made_after_an_annotated_def_line(tmp_path: Path) -> None:
    """`def f(...) -> str:` then `c = AkoolClient()` on the next line: `c` holds the client (the
    return annotation is not `str: c = ...`), so another file's `c.image_info(iid)` is read."""
    (tmp_path / "client.py").write_text(
        f'import requests\nBASE = "{B}"\n\nclass AkoolClient:\n'
        "    def _get(self, path, **params):\n"
        "        return requests.get(BASE + path, params=params).json()\n\n"
        "    def image_info(self, iid):\n"
        '        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]\n',
        encoding="utf-8",
    )
    (tmp_path / "jobs.py").write_text(
        "from client import AkoolClient\n\n"
        "def picture(iid: str) -> str:\n"
        "    c = AkoolClient()\n"
        "    info = c.image_info(iid)\n"
        '    return info["image"] if info["status"] == 3 else ""\n',
        encoding="utf-8",
    )
    found = [f for f in audit([tmp_path]).findings if f.rule in ANSWER_RULES]
    assert [(Path(f.file).name, f.line) for f in found] == [("jobs.py", 6)]
