"""perf27b: the audit's answer side and its start-up, counted (modules loaded, calls made, never
seconds): a script's audit loads none of the readers of code held in other files (notebooks,
workflows, request files, OpenAPI documents), and each of those files is still read by its own."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from unittest import mock

from akool_cli.audit import (
    n8nflows,
    notebooks,
    rules,
    scan,
    scopes,
    source,
    walking,
)
from akool_cli.audit.scan import audit_text

READERS = [
    "batch",
    "brunofiles",
    "embedded",
    "n8nflows",
    "notebooks",
    "restfiles",
    "sketches",
    "specs",
    "workflows",
]
ONE_CALL = (
    "import requests\n"
    'requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",'
    ' json={"talking_photo_url": "u", "audio_url": "a"})\n'
)


def _loaded_by_audit(tmp_path: Path, name: str, text: str) -> set[str]:
    """The akool_cli.audit modules `akool audit FILE` has loaded once it is done."""
    script = tmp_path / name
    script.write_text(text, encoding="utf-8")
    probe = (
        "import sys\n"
        "from akool_cli.entry import main\n"
        "try:\n"
        f"    main(['audit', {str(script)!r}])\n"
        "finally:\n"
        "    print(' '.join(m for m in sys.modules if m.startswith('akool_cli.audit.')),"
        " file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    return set(done.stderr.strip().splitlines()[-1].split())


def test_a_scripts_audit_loads_none_of_the_readers_of_embedded_code(tmp_path: Path) -> None:
    # (main: all nine, their 13 dataclasses among them, for every `akool audit x.py`)
    loaded = _loaded_by_audit(tmp_path, "one.py", ONE_CALL)
    assert "akool_cli.audit.scan" in loaded
    assert not {f"akool_cli.audit.{r}" for r in READERS} & loaded


def test_each_readers_own_suffixes_are_among_those_that_load_the_readers() -> None:
    # The readers' own tests of a name: each suffix they take lets the file reach them.
    # (their tables are walking's since house29)
    own = [notebooks.NOTEBOOK_SUFFIX, *walking.WORKFLOW_SUFFIXES, *walking.BATCH_SUFFIXES]
    own += [*walking.REQUEST_SUFFIXES, ".hurl", walking.BRUNO_SUFFIX, *walking.SPEC_SUFFIXES]
    own += [*source.MARKDOWN, ".json"]
    for suffix in own:
        assert f"x{suffix}".endswith(scan.EMBEDDING_SUFFIXES), suffix
        assert f"X{suffix.upper()}".lower().endswith(scan.EMBEDDING_SUFFIXES), suffix
    for name in ("Makefile", "src/GNUmakefile", "rules.mk", "x.make"):  # (recall28b's Makefiles)
        assert name.lower().endswith(scan.EMBEDDING_SUFFIXES), name
    assert n8nflows.is_n8n("flow.json", '{"nodes": [{"type": "n8n-nodes-base.httpRequest"}]}')


def test_the_embedded_files_are_still_read_by_their_readers() -> None:
    url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
    body = '{"talking_photo_url": "u"}'
    cell = {"cell_type": "code", "source": [f'requests.post("{url}", json={body})\n']}
    files = {
        "nb.ipynb": json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4}),
        "ci.yml": f"jobs:\n  a:\n    steps:\n      - run: curl -X POST {url} -d '{body}'\n",
        "go.bat": f'curl -X POST {url} -d "{{}}"\n',
        "req.http": f"POST {url}\nContent-Type: application/json\n\n{body}\n",
        "req.bru": f"post {{\n  url: {url}\n  body: json\n}}\n\nbody:json {{\n  {body}\n}}\n",
        "notes.md": f"```\nPOST {url}\nBody:\n{body}\n```\n",
    }
    for name, text in files.items():
        found = [f.rule for f in audit_text(text, name)]
        assert "missing-field" in found, (name, found)


BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


def _bench_file(tmp_path: Path, groups: int) -> str:
    """bench's own file (bench/run.py's write_audit_file) of `groups` groups of its five calls."""
    spec = importlib.util.spec_from_file_location("akool_bench_perf27b", BENCH)
    assert spec is not None and spec.loader is not None
    bench = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)  # (its dataclasses look their module up in sys.modules)
    bench.write_audit_file(tmp_path / f"calls{groups}.py", 5 * groups)
    return (tmp_path / f"calls{groups}.py").read_text(encoding="utf-8")


def _squashes(tmp_path: Path, groups: int) -> tuple[int, int]:
    """The near misses looked up among an endpoint's names (see rules._near) and the
    misnamed-field findings of bench's file."""
    text = _bench_file(tmp_path, groups)
    rules._near_in.cache_clear()  # (a name and an endpoint asked before: looked up again)
    with mock.patch.object(rules, "_squashed", wraps=rules._squashed) as squashed:
        found = audit_text(text, "calls.py")
    return squashed.call_count, sum(f.rule == "misnamed-field" for f in found)


def test_a_keys_near_miss_is_worked_out_once_per_name_and_endpoint(tmp_path: Path) -> None:
    # Four rules ask it of each key of each request: bench's file asked 21,000 times (main: 21
    # look-ups per group of the file, 2,100 for 100 groups).
    few, many = _squashes(tmp_path, 20), _squashes(tmp_path, 100)
    assert few[0] == many[0] < 100, (few, many)
    assert (few[1], many[1]) == (40, 200)  # (two a group: size for scale, each its own)


def _chain(helpers: int) -> str:
    """A file of helpers each calling the one before it, the first making the request, and one
    call through the last (repro21j helper-chain-depth-quadratic's gen.py)."""
    lines = ["import requests", 'BASE = "https://openapi.akool.com/api/open/v3"']
    lines += ["def f0(p, **kw):", "    return requests.post(BASE + p, json=kw)"]
    for i in range(1, helpers):
        lines += [f"def f{i}(p, **kw):", f"    return f{i - 1}(p, **kw)"]
    lines.append(f'f{helpers - 1}("/photo/talking", image_url="u")')
    return "\n".join(lines) + "\n"


def _steps(text: str) -> tuple[int, list[str]]:
    """The Python function calls an audit of a text makes, and its findings' rules."""
    count = [0]

    def counting(frame: object, event: str, arg: object) -> None:
        count[0] += event == "call"

    sys.setprofile(counting)
    try:
        found = audit_text(text, "chain.py")
    finally:
        sys.setprofile(None)
    return count[0], [f.rule for f in found]


def test_a_chain_of_helpers_costs_in_proportion_to_its_length() -> None:
    # Each helper's answer was followed with the file's lines read afresh (main: 100 helpers
    # 330,000 steps, 400 helpers 2,380,000: 7.2x for 4x), and each top-level helper's class
    # looked for in the 400 lines above it.
    audit_text(_chain(10), "chain.py")  # (the patterns a chain's audit uses, compiled first)
    few, many = _steps(_chain(100)), _steps(_chain(400))
    assert many[0] <= 5 * few[0], (few[0], many[0])
    assert few[1] == many[1] == ["undocumented-path"]  # (the old path, through them all)


def test_a_default_in_a_destructured_parameter_is_the_functions_own() -> None:
    # (repro21j js-destructured-param-default-missed) The body opened at the pattern's `{`, so the
    # function ended on its own line and `speed` below it was no parameter of it: never judged.
    text = (
        'const V4 = "https://openapi.akool.com/api/open/v4";\n'
        'export async function tts(text, voiceId, { speed = "1.0" } = {}) {\n'
        "  const r = await fetch(`${V4}/voice/tts`, {\n"
        '    method: "POST",\n'
        "    body: JSON.stringify({ input_text: text, voice_id: voiceId, voice_options: { speed } }),\n"
        "  });\n"
        "  return (await r.json()).data._id;\n"
        "}\n"
    )
    assert [(f.rule, f.line) for f in audit_text(text, "tts.mjs")] == [("bad-value", 2)]
    found = scopes.Scopes(text.splitlines())
    assert found.at(4) == found.at(6) == 0  # (its body: lines 1 to 7, 0-based)
    assert found.visible("speed", 1, 4)
