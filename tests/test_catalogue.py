"""The catalogue of AKOOL's documented endpoints: regenerated from AKOOL's docs it equals the
committed data; the contract, the sandbox and `akool api` follow it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import httpx2
import pytest

from akool_cli.core import catalogue, contract
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import ROOT, SHARED
from tests.support.generator import generator
from tests.support.runner import AKOOL, invoke, process_env

DOCS = SHARED / "akool-docs"
needs_docs = pytest.mark.skipif(
    not DOCS.is_dir(), reason="../shared/akool-docs is not beside this checkout"
)
DOCUMENTED_PATH_STRINGS = 68  # distinct /api/open/vN/... strings in AKOOL's pages
OPEN_API_TEMPLATES = 66  # the same, literal ids written as {_id}


@needs_docs
def test_the_committed_catalogue_is_what_the_docs_generate(tmp_path: Path) -> None:
    out = tmp_path / "catalogue.json"
    generator().main(["gen_catalogue.py", str(DOCS), str(out)])
    committed = (ROOT / "akool_cli" / "core" / "catalogue.json").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, "run scripts/gen_catalogue.py and commit"


@needs_docs
def test_every_documented_path_string_is_found_by_grep_and_in_the_catalogue() -> None:
    pattern = re.compile(r"/api/open/v[0-9]+/[A-Za-z0-9_./{}-]*[A-Za-z0-9_}]")
    found = {
        p
        for f in DOCS.rglob("*")
        if f.is_file() and f.name != "SOURCE.md"
        for p in pattern.findall(f.read_text(encoding="utf-8"))
    }
    assert len(found) == DOCUMENTED_PATH_STRINGS
    assert sorted(found) == list(catalogue.load().documented_path_strings)


def test_68_documented_paths_each_resolve_to_an_entry() -> None:
    docs = catalogue.load()
    assert len(docs.documented_path_strings) == DOCUMENTED_PATH_STRINGS
    assert all(docs.find(None, p) for p in docs.documented_path_strings)
    templates = {e.path for e in docs.endpoints if e.path.startswith("/api/open/")}
    assert len(templates) == OPEN_API_TEMPLATES
    assert "/api/open/v4/voice/detail/{_id}" in templates


def test_spot_checks() -> None:
    docs = catalogue.load()
    create = docs.find("POST", "/api/open/v3/content/video/createbytalkingphoto")
    assert create is not None and create.product == "talking-photo"
    assert create.url == "docs.akool.com/ai-tools-suite/talking-photo/create-video"
    resolution = create.field("resolution")
    assert resolution is not None and resolution.enum == ("720", "1080")
    assert {f.name for f in create.body if f.required} == {"talking_photo_url", "audio_url"}
    voices = docs.find("GET", "/api/open/v4/voice/list")
    assert voices is not None and "language" not in voices.field_names()
    assert {"style", "age", "scenario", "support_stream"} <= voices.field_names()
    tts = docs.find("POST", "/api/open/v4/voice/tts")
    assert (
        tts is not None and {"voice_options", "language_code", "extra_options"} <= tts.field_names()
    )
    token = docs.find("POST", "/api/open/v3/getToken")
    assert token is not None and token.auth == "none" and token.page == "authentication/usage"
    detect = docs.find("POST", "/detect")
    assert (
        detect is not None
        and detect.host == "sg3.akool.com"
        and "image_url" in detect.field_names()
    )
    assert docs.find("DELETE", "/api/open/v4/knowledge/delete") is not None
    assert set(docs.hosts) == {"openapi.akool.com", "sg3.akool.com"}
    assert set(docs.doubtful_hosts) == {
        "open.akool.com",
        "content.akool.com",
        "contentapi.akool.com",
    }
    retired = {r.path: r.replacement for r in docs.retired}
    assert len(retired) == 13
    assert (
        retired["/api/open/v5/faceswap/faceswapByImage"] == "/api/open/v4/faceswap/faceswapByImage"
    )
    assert (
        retired["/api/open/v3/content/image/createbyimagine"]
        == "/api/open/v3/content/image/createbyprompt"
    )
    assert retired["/api/open/v3/liveAvatar/session/pause"] is None  # v4 documents no pause
    assert docs.find(None, "/api/open/v3/liveAvatar/session/create") is None


@pytest.mark.parametrize("endpoint", contract.ENDPOINTS, ids=lambda e: e.key)
def test_the_clients_endpoints_are_the_catalogues(endpoint: contract.Endpoint) -> None:
    documented = catalogue.load().find(endpoint.method, endpoint.path)
    assert documented is not None and documented.path == endpoint.path
    assert (documented.auth != "none") == endpoint.auth
    ours = {f.name: f for f in (*endpoint.body, *endpoint.query)}
    theirs = {f.name: f for f in (*documented.body, *documented.query)}
    assert set(ours) == set(theirs)
    for name, f in theirs.items():
        prose = ours[name].enum
        if f.enum is not None or prose is None:  # (a number's one value: 3840 and "3840")
            assert prose == f.enum or tuple(map(str, prose or ())) == f.enum, name
        elif DOCS.is_dir():  # values stated in the description's prose: each on the page's row
            page = (DOCS / f"{documented.page}.mdx").read_text(encoding="utf-8")
            row = next(line for line in page.splitlines() if line.startswith(f"| {name} "))
            assert all(str(value) in row for value in prose), (name, row)
        if f.type in ("object", "integer"):
            assert ours[name].type == f.type, name
        assert ours[name].required or not f.required, name  # never laxer than the docs


def test_sandbox_routes_by_the_catalogue(sandbox: Sandbox) -> None:
    key = {"x-api-key": SANDBOX_API_KEY}
    base = sandbox.base_url
    other = httpx2.post(
        base + "/api/open/v4/liveAvatar/session/create", json={}, headers=key
    ).json()
    assert other["code"] == 1009 and "not available in the sandbox" in other["msg"]
    retired = httpx2.post(base + "/api/open/v3/liveAvatar/session/create", json={}, headers=key)
    assert retired.json()["code"] == 1009 and "retired" in retired.json()["msg"]
    deleted = httpx2.request("DELETE", base + "/api/open/v4/knowledge/delete?id=1", headers=key)
    assert deleted.json()["code"] == 1009
    assert (
        httpx2.post(base + "/api/open/v4/liveAvatar/session/create", json={}).json()["code"] == 1102
    )
    assert (
        httpx2.get(base + "/api/open/v3/content/image/infodetail", headers=key).status_code == 404
    )
    assert (
        httpx2.get(base + "/api/open/v4/liveAvatar/session/create", headers=key).status_code == 404
    )
    sandbox.state.received.clear()  # raw calls above, not akool's


def test_api_is_silent_for_documented_paths_and_names_replacements(api_env: Sandbox) -> None:
    documented = invoke(["api", "GET", "/api/open/v4/knowledge/list"], expect=4)
    assert "Warning" not in documented.stderr
    assert json.loads(documented.stdout)["code"] == 1009
    retired = invoke(["api", "POST", "/api/open/v5/faceswap/faceswapByImage"], expect=4)
    assert "no longer in AKOOL's documentation" in retired.stderr
    assert "use POST /api/open/v4/faceswap/faceswapByImage" in retired.stderr
    wrong_method = invoke(
        ["api", "GET", "/api/open/v3/content/video/createbytalkingphoto"], expect=4
    )
    assert "AKOOL documents POST" in wrong_method.stderr
    api_env.state.received.clear()  # deliberate calls to paths akool itself never uses


def test_api_list(api_env: Sandbox) -> None:
    everything = invoke(["api", "--list"]).stdout.splitlines()
    assert len(everything) == len(catalogue.load().endpoints)
    row = next(line for line in everything if "\t/api/open/v3/content/video/createbytalk" in line)
    assert row == (
        "POST\t/api/open/v3/content/video/createbytalkingphoto\ttalking-photo\t"
        "docs.akool.com/ai-tools-suite/talking-photo/create-video\tcreates talking_photo jobs"
    )
    # Which documented paths akool makes as job kinds: each kind's create, read and first stage.
    marked = {line.split("\t")[1]: line.split("\t")[4] for line in everything}
    assert marked["/api/open/v3/talkingavatar/create"] == "creates talking_avatar jobs"
    assert marked["/api/open/v4/headswap/analyze"] == "the first stage of head_swap jobs"
    assert marked["/api/open/v4/image2Video/resultsByIds"] == "reads image2video, text2video"
    assert marked["/api/open/v3/audio/create"] == "-"  # documented, made by no kind of akool
    # The legacy face detection lives on its own host, which the row shows.
    assert any(
        line.startswith("POST\thttps://sg3.akool.com/detect\tfaceswap\t") for line in everything
    )
    voices = json.loads(invoke(["api", "--list", "voicelab", "--json"]).stdout)
    assert {v["product"] for v in voices} == {"voicelab"} and len(voices) == 8
    assert set(voices[0]) == {"method", "path", "product", "page", "host", "job"}
    assert {v["path"]: v["job"] for v in voices}["/api/open/v4/voice/tts"] == {
        "use": "creates",
        "kinds": ["tts"],
    }
    bad = invoke(["api", "--list", "nope"], expect=2)
    assert "no product 'nope'" in bad.stderr and "talking-photo" in bad.stderr
    assert "needs a METHOD and a PATH" in invoke(["api"], expect=2).stderr


@pytest.mark.parametrize(
    ("shell", "env"),
    [
        ("bash", {"COMP_WORDS": "akool api GET /api/open/v4/voice/", "COMP_CWORD": "3"}),
        ("zsh", {"_TYPER_COMPLETE_ARGS": "akool api GET /api/open/v4/voice/"}),
        (
            "fish",
            {
                "_TYPER_COMPLETE_ARGS": "akool api GET /api/open/v4/voice/",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            },
        ),
    ],
)
def test_completion_of_documented_paths(tmp_path: Path, shell: str, env: dict[str, str]) -> None:
    extra = {"_AKOOL_COMPLETE": f"complete_{shell}", **env}
    done = subprocess.run(
        [AKOOL], env=process_env(tmp_path, **extra), capture_output=True, text=True, check=True
    )
    for path in ("/api/open/v4/voice/list", "/api/open/v4/voice/resource/detail/{_id}"):
        assert path in done.stdout
    assert "/api/open/v4/voice/tts" not in done.stdout  # a POST, and METHOD is GET


def test_static_completion_scripts_know_the_paths() -> None:
    text = (ROOT / "completions" / "akool.bash").read_text(encoding="utf-8")
    script = (
        f"source '{ROOT / 'completions' / 'akool.bash'}'\n"
        "COMP_WORDS=(akool api GET /api/open/v4/voice/l); COMP_CWORD=3; _akool; "
        'echo "${COMPREPLY[*]}"'
    )
    assert "/api/open/v3/getToken" in text
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["/api/open/v4/voice/list"]


def test_the_catalogue_loads_once_and_only_when_asked() -> None:
    code = (
        "import sys, akool_cli.core.contract, akool_cli.net.api\n"
        "from akool_cli.core import catalogue\n"
        "assert catalogue.load.cache_info().currsize == 0\n"
        "assert catalogue.load() is catalogue.load()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
