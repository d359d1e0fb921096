"""doctor, api, voices, profiles and --quiet: the commands for scripts and CI."""

from __future__ import annotations

import json

import keyring
import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.sandboxes import running

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


def test_doctor_all_green_against_the_sandbox(api_env: Sandbox) -> None:
    result = invoke(["doctor"])
    lines = result.stdout.splitlines()
    names = [line.split(":")[0][2:] for line in lines]
    for name in (
        "version",
        "python",
        "config directory",
        "data directory",
        "keyring",
        "credential",
        "network",
        "credential valid",
        "credit balance",
    ):
        assert name in names
    assert all(line[0] in "✓–" for line in lines)
    assert any("contract: GET /api/open/v4/voice/list" in line for line in lines)
    # Every job kind's detail endpoint is probed; no billable create is sent.
    assert any("contract: GET /api/open/v4/voice/resource/detail/{_id}" in line for line in lines)
    assert any("not probed: creating a talking photo job is billed" in line for line in lines)
    assert any("not probed: creating a speech job is billed" in line for line in lines)
    sent = {r.path.rsplit("/", 1)[-1] for r in api_env.state.received}
    assert "createbytalkingphoto" not in sent and "tts" not in sent


def test_doctor_json_and_failure_exit(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", "wrong-key-wrong-key-0000")
    result = invoke(["doctor", "--json"], expect=11)
    report = json.loads(result.stdout)
    assert report["ok"] is False
    failed = [c for c in report["checks"] if not c["ok"]]
    assert failed[0]["name"] == "credential valid" and "1109" in failed[0]["detail"]
    assert failed[0]["fix"]


def test_doctor_without_keyring_or_credential(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backends import fail

    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    keyring.set_keyring(fail.Keyring())
    result = invoke(["doctor"], expect=11)
    assert "✗ keyring: no OS keyring" in result.stdout and "AKOOL_API_KEY" in result.stdout


def test_api_get_prints_the_answer(api_env: Sandbox) -> None:
    result = invoke(["api", "GET", contract.CREDIT.path])
    assert json.loads(result.stdout) == {"code": 1000, "msg": "OK", "data": {"credit": 1234.5}}


def test_api_post_with_fields_and_the_code_decides_the_exit(api_env: Sandbox) -> None:
    created = invoke(
        [
            "api",
            "POST",
            contract.CREATE_TALKING_PHOTO.path,
            "-f",
            f"talking_photo_url={IMAGE}",
            "-f",
            f"audio_url={AUDIO}",
        ]
    )
    job_id = json.loads(created.stdout)["data"]["_id"]
    got = invoke(["api", "GET", f"{contract.VIDEO_INFO.path}?video_model_id={job_id}"])
    assert json.loads(got.stdout)["data"]["_id"] == job_id
    wrong = invoke(
        ["api", "POST", contract.CREATE_TALKING_PHOTO.path, "-f", f"image_url={IMAGE}"], expect=4
    )
    assert json.loads(wrong.stdout)["code"] == 1003 and "1003" in wrong.stderr
    # `akool api` is the escape hatch: it sends what it is told, so the contract check that
    # every test runs on the sandbox's requests does not apply to this deliberate mistake.
    del api_env.state.received[-1]


def test_api_input_from_stdin_and_typed_fields(api_env: Sandbox) -> None:
    body = json.dumps({"talking_photo_url": IMAGE, "audio_url": AUDIO})
    result = invoke(
        [
            "api",
            "POST",
            contract.CREATE_TALKING_PHOTO.path,
            "--input",
            "-",
            "-F",
            'resolution="720"',
        ],
        input=body,
    )
    assert json.loads(result.stdout)["data"]["resolution"] == "720"


def test_api_warns_about_undocumented_paths(api_env: Sandbox) -> None:
    result = invoke(["api", "GET", "/video/status/123"], expect=4)
    assert "not in AKOOL's documentation" in result.stderr and "HTTP 404" in result.stderr
    del api_env.state.received[-1]  # deliberate, see above


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["api", "PUT", "/x"], "not GET, POST or DELETE"),
        (["api", "GET", "x"], "must start with /"),
        (["api", "GET", "/x", "-f", "novalue"], "not key=value"),
    ],
)
def test_api_bad_input(api_env: Sandbox, args: list[str], fragment: str) -> None:
    assert fragment in invoke(args, expect=2).stderr


def test_voices_table_json_filters(api_env: Sandbox) -> None:
    table = invoke(["voices"])
    assert "sbx-en-f-ava\tAva\tFemale\tEnglish" in table.stdout
    voices = json.loads(invoke(["voices", "--json", "--gender", "male"]).stdout)
    assert {v["voice_id"] for v in voices} == {"sbx-en-m-noah", "sbx-de-m-jonas"}
    assert voices[0]["voice_model_name"] == "Akool Multilingual 2" and voices[0]["locale"] == "en"
    assert invoke(["-q", "voices", "--search", "yu"]).stdout == "sbx-ja-f-yui\n"


def test_talk_with_text_makes_the_speech_first(api_env: Sandbox, isolated: Isolation) -> None:
    result = invoke(
        ["talk", IMAGE, "--text", "Hello from akool", "--voice", "sbx-en-f-ava", "--speed", "1.1"]
    )
    job_id = result.stdout.strip()
    speech = next(iter(api_env.state.speech.values()))
    assert speech.request == {
        "input_text": "Hello from akool",
        "voice_id": "sbx-en-f-ava",
        "voice_options": {"speed": 1.1},
    }
    assert api_env.state.jobs[job_id].request["audio_url"].endswith(f"{speech.id}.mp3")
    import sqlite3

    kinds = dict(
        sqlite3.connect(isolated.home / "jobs.sqlite3").execute("SELECT id, kind FROM jobs")
    )
    assert kinds == {speech.id: "tts", job_id: "talking_photo"}
    # Every kind of job is in status: the speech first made, then the video made from it.
    listed = json.loads(invoke(["status", "--json"]).stdout)
    assert [(v["id"], v["kind"]) for v in listed] == [
        (job_id, "talking_photo"),
        (speech.id, "tts"),
    ]


def test_quiet_prints_only_ids(api_env: Sandbox) -> None:
    first = invoke(["-q", "talk", IMAGE, AUDIO])
    assert first.stderr == "" and len(first.stdout.strip()) == 24
    second = invoke(["--quiet", "talk", IMAGE, AUDIO]).stdout.strip()
    listed = invoke(["-q", "status"])
    assert listed.stdout.split() == [second, first.stdout.strip()] and listed.stderr == ""


def test_profiles_side_by_side(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = SandboxConfig(api_key="staging-key-0123456789abcdefghij")
    with running(config, isolated.clock) as staging:
        invoke(["--base-url", sandbox.base_url, "login"], input=SANDBOX_API_KEY)
        invoke(
            ["--profile", "staging", "--base-url", staging.base_url, "login"],
            input="staging-key-0123456789abcdefghij",
        )
        default_job = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
        monkeypatch.setenv("AKOOL_PROFILE", "staging")
        staging_job = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
        assert default_job in sandbox.state.jobs and staging_job in staging.state.jobs
        report = json.loads(invoke(["auth", "status", "--json"]).stdout)
        assert report["profile"] == "staging"
        listed = {p["profile"]: p for p in report["profiles"]}
        assert set(listed) == {"staging", "default"}
        assert listed["default"]["base_url"] == sandbox.base_url and listed["default"]["valid"]
        assert listed["staging"]["active"] and not listed["default"]["active"]
        human = invoke(["auth", "status"]).stdout
        assert "* staging:" in human and "  default:" in human
        invoke(["logout"])
        assert "not logged in" in invoke(["credit"], expect=3).stderr
        monkeypatch.delenv("AKOOL_PROFILE")
        assert invoke(["credit"]).stdout == "1234.5\n"


def test_every_data_command_has_json(api_env: Sandbox) -> None:
    from akool_cli.cli import app
    from akool_cli.cli.docs import commands

    without = {" ".join(c.path) for c in commands(app) if "--json" not in c.options}
    # login/logout and config set/unset print nothing on stdout; sandbox, mcp and webhook serve
    # are servers; webhook verify prints JSON always (so does api, whose --json is for --list);
    # completion prints a shell script.
    assert without == {
        "completion",
        "login",
        "logout",
        "sandbox",
        "mcp",
        "webhook verify",
        "config set",
        "config unset",
    }


def test_talk_again_with_the_same_text_reuses_its_speech(api_env: Sandbox) -> None:
    # An interrupted `talk --text` run again must not pay for the same speech twice.
    args = ["talk", IMAGE, "--text", "Hello again", "--voice", "sbx-en-f-ava"]
    first, second = invoke(args).stdout.strip(), invoke(args).stdout.strip()
    assert first != second and api_env.state.requests["create_tts"] == 1
    other = ["talk", IMAGE, "--text", "Something else", "--voice", "sbx-en-f-ava"]
    invoke(other)
    assert api_env.state.requests["create_tts"] == 2
