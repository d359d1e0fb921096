"""Voices, text to speech and failure advice as AKOOL documents them, driven as a user would."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest

from akool_cli.core import contract, kinds, speech
from akool_cli.core.speech import VoiceFilters
from akool_cli.net import api
from akool_cli.net.api import AkoolClient
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from akool_cli.store.credentials import Credential
from tests.conftest import SHARED, Isolation
from tests.support.runner import invoke
from tests.support.sandboxes import pointed_at
from tests.support.servers import Answer, ScriptedServer, scripted_server

IMAGE = "https://example.com/portrait.jpg"
VOICE_LAB = SHARED / "akool-docs" / "ai-tools-suite" / "voiceLab.mdx"
OPENAPI = SHARED / "akool-docs" / "openapi"
needs_docs = pytest.mark.skipif(
    not VOICE_LAB.is_file(), reason="../shared/akool-docs is not beside this checkout"
)


def voice_queries(sandbox: Sandbox) -> list[dict[str, str]]:
    return [
        {k: v[-1] for k, v in r.query.items()}
        for r in sandbox.state.received
        if r.path == contract.VOICE_LIST.path
    ]


def ids(result_stdout: str) -> set[str]:
    return {v["voice_id"] for v in json.loads(result_stdout)}


# -- akool voices ---------------------------------------------------------------------------------


def test_language_is_matched_on_the_answer_and_never_sent(api_env: Sandbox) -> None:
    assert ids(invoke(["voices", "--json", "--language", "english"]).stdout) == {
        "sbx-en-f-ava",
        "sbx-en-m-noah",
    }
    assert ids(invoke(["voices", "--json", "--language", "JA"]).stdout) == {"sbx-ja-f-yui"}
    assert all("language" not in q for q in voice_queries(api_env))
    empty = invoke(["voices", "--language", "Klingon"])
    assert empty.stdout == "" and "No voices match" in empty.stderr


def test_the_documented_filters_go_to_akool_as_comma_separated_lists(api_env: Sandbox) -> None:
    both = invoke(["voices", "--json", "--gender", "male", "--gender", "FEMALE,male"])
    assert len(ids(both.stdout)) == 5
    assert voice_queries(api_env)[-1]["gender"] == "Male,Female"
    young = invoke(["voices", "--json", "--age", "young", "--style", "Cheerful"]).stdout
    assert ids(young) == {"sbx-es-f-lucia", "sbx-ja-f-yui"}
    assert voice_queries(api_env)[-1] | {"page": "", "size": ""} == {
        "type": "2",
        "age": "Young",
        "style": "Cheerful",
        "page": "",
        "size": "",
    }
    streaming = invoke(["voices", "--json", "--streaming", "--scenario", "Advertisement"])
    assert ids(streaming.stdout) == {"sbx-en-f-ava", "sbx-ja-f-yui"}
    assert voice_queries(api_env)[-1]["support_stream"] == "1"
    invoke(["voices", "--json", "--no-streaming"])
    assert voice_queries(api_env)[-1]["support_stream"] == "2"
    mine = invoke(["voices", "--mine", "--json"]).stdout
    assert ids(mine) == {"sbx-clone-mine"} and voice_queries(api_env)[-1]["type"] == "1"


def test_the_table_shows_each_voices_model(api_env: Sandbox) -> None:
    table = invoke(["voices", "--search", "jon"]).stdout
    assert table == "sbx-de-m-jonas\tJonas\tMale\tGerman\tAkool Multilingual 4\n"


def test_a_gender_akool_does_not_list_is_a_usage_error(api_env: Sandbox) -> None:
    result = invoke(["voices", "--gender", "robot"], expect=2)
    assert "Error: --gender 'robot' is not one of AKOOL's values" in result.stderr
    assert "Male or Female" in result.stderr
    assert voice_queries(api_env) == []


def test_every_page_is_read_when_akool_holds_fewer_per_page_than_asked(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A server whose pages hold 2 voices while akool asks for 100: a short page is not the end,
    # the answer's count is.
    with pointed_at(SandboxConfig(max_page_size=2), isolated.clock, monkeypatch) as server:
        assert len(ids(invoke(["voices", "--json"]).stdout)) == 5
        assert [q["page"] for q in voice_queries(server)] == ["1", "2", "3"]


# -- paging against answers that lie ------------------------------------------------------------


@pytest.fixture
def scripted(isolated: Isolation) -> Iterator[tuple[ScriptedServer, AkoolClient]]:
    with scripted_server() as server:
        credential = Credential("api_key", "test", api_key="k" * 32)
        with AkoolClient(server.url, credential, clock=isolated.clock) as client:
            yield server, client


def voice_page(path: str, count: Any, per_page: int, *, repeat: bool = False) -> Answer:
    page = int(parse_qs(urlsplit(path).query)["page"][0])
    start = 0 if repeat else (page - 1) * per_page
    items = [{"voice_id": f"v{n}", "name": f"V{n}"} for n in range(start, start + per_page)]
    return Answer.envelope({"result": items, "count": count})


def test_a_count_that_is_too_big_stops_at_the_first_empty_page(
    scripted: tuple[ScriptedServer, AkoolClient],
) -> None:
    server, client = scripted
    server.route(
        contract.VOICE_LIST.path,
        lambda path: (
            voice_page(path, 1000, 3)
            if "page=1&" in path + "&"
            else Answer.envelope({"result": [], "count": 1000})
        ),
    )
    assert len(client.list_voices()) == 3
    assert server.hits[contract.VOICE_LIST.path] == 2


def test_a_server_that_ignores_the_page_is_read_once_more_not_forever(
    scripted: tuple[ScriptedServer, AkoolClient],
) -> None:
    server, client = scripted
    server.route(contract.VOICE_LIST.path, lambda path: voice_page(path, 50, 3, repeat=True))
    assert [v.voice_id for v in client.list_voices()] == ["v0", "v1", "v2"]
    assert server.hits[contract.VOICE_LIST.path] == 2


def test_endless_new_pages_are_bounded(
    scripted: tuple[ScriptedServer, AkoolClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, client = scripted
    monkeypatch.setattr(api, "MAX_VOICE_PAGES", 4)
    server.route(contract.VOICE_LIST.path, lambda path: voice_page(path, 10**9, 2))
    assert len(client.list_voices(page_size=2)) == 8
    assert server.hits[contract.VOICE_LIST.path] == 4


def test_without_a_count_a_short_page_is_the_last(
    scripted: tuple[ScriptedServer, AkoolClient],
) -> None:
    server, client = scripted
    server.route(contract.VOICE_LIST.path, lambda path: voice_page(path, "many", 2))
    assert len(client.list_voices(page_size=5)) == 2
    assert server.hits[contract.VOICE_LIST.path] == 1


def test_the_count_ends_paging_without_an_extra_request(
    scripted: tuple[ScriptedServer, AkoolClient],
) -> None:
    server, client = scripted
    server.route(contract.VOICE_LIST.path, lambda path: voice_page(path, 4, 2))
    assert len(client.list_voices(page_size=2, filters=VoiceFilters(name="V"))) == 4
    assert server.hits[contract.VOICE_LIST.path] == 2


# -- text to speech -----------------------------------------------------------------------------


def speak(*extra: str, voice: str = "sbx-en-f-ava", expect: int = 0) -> Any:
    return invoke(["talk", IMAGE, "--text", "Hello there", "--voice", voice, *extra], expect=expect)


def test_voice_options_and_language_code_reach_akool_typed(api_env: Sandbox) -> None:
    result = speak(
        "--voice-option",
        "volume=80",
        "--voice-option",
        "emotion=Happy",
        "--language-code",
        "ZH",
        voice="sbx-es-f-lucia",
    )
    (job,) = api_env.state.speech.values()
    assert job.request == {
        "input_text": "Hello there",
        "voice_id": "sbx-es-f-lucia",
        "voice_options": {"volume": 80, "emotion": "happy"},
        "language_code": "zh",
    }
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert warnings == [
        "Warning: emotion works only with Chinese voices; voice sbx-es-f-lucia speaks Spanish"
    ]


def test_the_credits_akool_deducted_are_shown(api_env: Sandbox) -> None:
    result = speak("--voice-option", "stability=0.5", "--voice-option", "speaker_boost=yes")
    (job,) = api_env.state.speech.values()
    assert job.request["voice_options"] == {"stability": 0.5, "speaker_boost": True}
    assert f"({job.credit:g} credits deducted)" in result.stderr and job.credit > 0


def test_speed_with_a_model_that_ignores_it_warns(api_env: Sandbox) -> None:
    ignored = speak("--speed", "1.1", voice="sbx-de-m-jonas")
    assert (
        "Warning: voice sbx-de-m-jonas uses Akool Multilingual 4, which ignores speed"
        in ignored.stderr
    )
    assert len(api_env.state.jobs) == 1  # a warning, not a refusal
    honoured = speak("--speed", "1.1", voice="sbx-en-f-ava")
    assert "Warning" not in honoured.stderr
    several = speak("--voice-option", "volume=5", "--language-code", "pt", voice="sbx-en-m-noah")
    assert "which ignores language_code" in several.stderr and "volume" not in several.stderr


def test_no_voice_lookup_without_options(api_env: Sandbox) -> None:
    speak()
    assert voice_queries(api_env) == []


def test_an_unknown_voice_gets_a_warning_before_akool_refuses_it(api_env: Sandbox) -> None:
    result = speak("--speed", "1", voice="nobody", expect=4)
    assert "Warning: voice nobody is not in the voice list" in result.stderr
    assert "code 1003" in result.stderr


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--voice-option", "loudness=3"], "not KEY=VALUE with a documented key"),
        (["--voice-option", "volume"], "not KEY=VALUE"),
        (["--voice-option", "volume=loud"], "volume must be a number"),
        (["--voice-option", "volume=50.5"], "volume must be a whole number"),
        (["--voice-option", "volume=101"], "volume must be between 0 and 100"),
        (["--voice-option", "stability=nan"], "stability must be a number"),
        (["--voice-option", "emotion=bored"], "emotion must be one of happy"),
        (["--voice-option", "speaker_boost=maybe"], "speaker_boost must be true or false"),
        (["--voice-option", "style=2"], "style must be between 0 and 1"),
        (["--voice-option", "volume=1", "--voice-option", "volume=2"], "given twice"),
        (["--speed", "1", "--voice-option", "speed=1"], "both set the speed"),
        (["--voice-option", "speed=1.5"], "speed must be between 0.7 and 1.2"),
        (["--language-code", "Portuguese"], "is not a language code"),
    ],
)
def test_bad_voice_options_are_refused_before_anything_is_sent(
    api_env: Sandbox, extra: list[str], fragment: str
) -> None:
    result = speak(*extra, expect=2)
    error = next(line for line in result.stderr.splitlines() if line.startswith("Error:"))
    assert fragment in error
    if "KEY=VALUE" in fragment:
        assert "valid keys: speed (0.7-1.2), volume (0-100), emotion (happy|" in result.stderr
    assert api_env.state.received == []


def test_voice_options_without_text_are_a_usage_error(api_env: Sandbox) -> None:
    audio = "https://example.com/a.mp3"
    result = invoke(["talk", IMAGE, audio, "--voice-option", "volume=3"], expect=2)
    assert "--voice-option and --language-code go with --text" in result.stderr


def test_text_over_every_plans_limit_is_refused(api_env: Sandbox, isolated: Isolation) -> None:
    too_long = "a" * (speech.TEXT_LIMIT_ANY_PLAN + 1)
    result = invoke(["talk", IMAGE, "--text", too_long, "--voice", "sbx-en-f-ava"], expect=2)
    assert "the text has 50,001 characters" in result.stderr
    assert "Pro 5,000, Max 10,000, Business 50,000" in result.stderr
    assert api_env.state.speech == {}
    batch = isolated.tmp / "rows.jsonl"
    batch.write_text(json.dumps({"image_url": IMAGE, "text": too_long, "voice": "v"}) + "\n")
    assert "50,001 characters" in invoke(["batch", str(batch)], expect=2).stderr


def test_text_over_some_plans_limit_warns_and_goes_ahead(api_env: Sandbox) -> None:
    text = "b" * 6_000
    result = invoke(["talk", IMAGE, "--text", text, "--voice", "sbx-en-f-ava"])
    assert "Warning: the text has 6,000 characters; AKOOL accepts that only on the Max or " in (
        result.stderr
    )
    assert len(api_env.state.speech) == 1


# -- the sandbox answers as documented ----------------------------------------------------------


def call(sandbox: Sandbox, method: str, path: str, **kwargs: Any) -> Any:
    headers = {"x-api-key": SANDBOX_API_KEY}
    return httpx2.request(method, sandbox.base_url + path, headers=headers, **kwargs).json()


EVERY_DOCUMENTED_TTS_FIELD: dict[str, Any] = {
    "input_text": "Good morning",
    "voice_id": "sbx-ja-f-yui",
    "voice_options": {
        "stability": 0.4,
        "similarity_boost": 0.9,
        "style": 0,
        "speed": 0.9,
        "speaker_boost": False,
        "emotion": "neutral",
        "volume": 40,
    },
    "webhookUrl": "",
    "language_code": "ja",
    "extra_options": {"apply_text_normalization": "off", "subtitle_enable": False},
}


def test_no_documented_tts_field_gets_1003_and_the_answer_is_documented(
    sandbox: Sandbox, isolated: Isolation
) -> None:
    created = call(sandbox, "POST", contract.CREATE_TTS.path, json=EVERY_DOCUMENTED_TTS_FIELD)
    assert created["code"] == 1000, created
    data = created["data"]
    assert data["preview"] is None and data["status"] == 1
    assert data["deduction_credit"] == pytest.approx(12 / 1000 * 4.4)
    assert data["voice_options"] == EVERY_DOCUMENTED_TTS_FIELD["voice_options"]
    path = contract.TTS_DETAIL.path.replace("{_id}", data["_id"])
    queued = call(sandbox, "GET", path)["data"]["result"]
    assert queued["preview"] is None and queued["language_code"] == "ja"
    isolated.clock.advance(100)
    done = call(sandbox, "GET", path)["data"]["result"]
    assert done["status"] == 3 and done["preview"].endswith(".mp3")
    assert done["deduction_credit"] == data["deduction_credit"]


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"voice_options": {"volume": 101}}, "voice_options.volume must be between 0 and 100"),
        ({"voice_options": {"loud": 1}}, "voice_options.loud is not a documented option"),
        ({"voice_options": {"speed": "fast"}}, "voice_options.speed must be a number"),
        ({"extra_options": "x"}, "extra_options must be an object"),
        ({"input_text": "c" * 50_001}, "input_text is longer than 50000 characters"),
        ({"voice_id": "nobody"}, "voice_id 'nobody' does not exist"),
    ],
)
def test_the_sandbox_refuses_what_akool_documents_as_wrong(
    sandbox: Sandbox, change: dict[str, Any], fragment: str
) -> None:
    answer = call(
        sandbox, "POST", contract.CREATE_TTS.path, json={**EVERY_DOCUMENTED_TTS_FIELD, **change}
    )
    assert answer["code"] == 1003 and fragment in answer["msg"]


def test_the_voice_list_refuses_the_undocumented_language_filter(sandbox: Sandbox) -> None:
    answer = call(
        sandbox, "GET", contract.VOICE_LIST.path, params={"type": "2", "language": "English"}
    )
    assert answer["code"] == 1003 and "language is not a documented field" in answer["msg"]
    answer = call(sandbox, "GET", contract.VOICE_LIST.path, params={"page": "1"})
    assert answer["code"] == 1003 and "type is required" in answer["msg"]


def test_the_voice_list_answer_has_the_documented_paging_fields(sandbox: Sandbox) -> None:
    data = call(
        sandbox, "GET", contract.VOICE_LIST.path, params={"type": "2", "size": "2", "page": "3"}
    )["data"]
    assert (data["count"], data["page"], data["size"], len(data["result"])) == (5, 3, 2, 1)
    default = call(sandbox, "GET", contract.VOICE_LIST.path, params={"type": "2"})["data"]
    assert default["size"] == 10  # the documented default page size


# -- AKOOL's documentation, when it is beside this checkout ---------------------------------------


def doc_section(title: str) -> str:
    text = VOICE_LAB.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def table_rows(section: str, heading: str, depth: int) -> list[str]:
    """The parameter names of one attributes table, at one nesting depth ('-' per level)."""
    block = section.split(f"**{heading}**", 1)[1].split("\n\n", 2)[1]
    names = []
    for line in block.splitlines()[2:]:
        cell = line.split("|")[1].strip() if line.startswith("|") else ""
        match = re.fullmatch(r"(-*)\s*(\w+)", cell)
        if match and len(match.group(1)) == depth:
            names.append(match.group(2))
    return names


@needs_docs
def test_the_contract_fields_are_the_documented_ones() -> None:
    voice_list = doc_section("Get Voice List")
    documented_query = set(table_rows(voice_list, "Query Attributes", 0))
    assert {f.name for f in contract.VOICE_LIST.query} == documented_query
    assert "language" not in documented_query
    tts = doc_section("Create Text to Speech")
    assert {f.name for f in contract.CREATE_TTS.body} == set(table_rows(tts, "Body Attributes", 0))
    options = table_rows(tts, "Body Attributes", 1)
    assert set(speech.VOICE_OPTIONS) <= set(options)
    assert {"speed", "volume", "emotion", "stability", "similarity_boost", "style"} <= set(
        speech.VOICE_OPTIONS
    )


@needs_docs
def test_the_sandbox_answers_carry_every_documented_field(
    sandbox: Sandbox, isolated: Isolation
) -> None:
    listed = call(sandbox, "GET", contract.VOICE_LIST.path, params={"type": "2"})["data"]
    voice_list = doc_section("Get Voice List")
    assert set(table_rows(voice_list, "Response Attributes", 1)) == set(listed)
    assert set(table_rows(voice_list, "Response Attributes", 2)) == set(listed["result"][0])
    created = call(sandbox, "POST", contract.CREATE_TTS.path, json=EVERY_DOCUMENTED_TTS_FIELD)
    tts = doc_section("Create Text to Speech")
    # The page's table lists voice_options' keys at the level of data.
    answered = set(created["data"]) | set(created["data"]["voice_options"])
    assert set(table_rows(tts, "Response Attributes", 1)) == answered
    path = contract.TTS_DETAIL.path.replace("{_id}", created["data"]["_id"])
    detail = call(sandbox, "GET", path)["data"]["result"]
    example = doc_section("Get Voice Result Detail").split("**Response**", 1)[1]
    documented = json.loads(example.split("```json", 1)[1].split("```", 1)[0])
    assert set(documented["data"]["result"]) == set(detail)


@needs_docs
def test_the_models_and_their_options_follow_the_docs() -> None:
    tts = doc_section("Create Text to Speech")
    for option in speech.VOICE_OPTIONS.values():
        row = next(line for line in tts.splitlines() if re.match(rf"\| - {option.key}\s+\|", line))
        named = set(re.findall(r"Akool Multilingual \d", row))
        assert named == set(option.models), option.key
        if option.low is not None:
            assert f"{option.low:g}-{option.high:g}" in row.replace(" ", ""), option.key


@needs_docs
def test_a_failed_jobs_answer_validates_against_both_openapi_files_of_infobymodelid(
    sandbox: Sandbox, isolated: Isolation
) -> None:
    import yaml

    from tests.test_contract import validate

    created = call(
        sandbox,
        "POST",
        contract.CREATE_TALKING_PHOTO.path,
        json={"talking_photo_url": "https://e.com/fail.jpg", "audio_url": "https://e.com/a.mp3"},
    )
    isolated.clock.advance(100)
    params = {"video_model_id": created["data"]["_id"]}
    failed = call(sandbox, "GET", contract.VIDEO_INFO.path, params=params)
    assert failed["data"]["video_status"] == 4 and failed["data"]["error_reason"]
    for name, schema in (
        ("talking-photo.yaml", "VideoInfoResult"),
        ("video-translation.yaml", "VideoTranslationStatus"),
    ):
        spec = yaml.safe_load((OPENAPI / name).read_text())
        assert validate(spec, {"$ref": f"#/components/schemas/{schema}"}, failed["data"]) == []
    # The video translation file documents the failure fields of this same endpoint.
    documented = yaml.safe_load((OPENAPI / "video-translation.yaml").read_text())
    status = documented["components"]["schemas"]["VideoTranslationStatus"]["properties"]
    assert {"error_code", "error_reason"} <= set(status) and "error_code" in failed["data"]


# -- failure advice ------------------------------------------------------------------------------


def test_a_failed_job_comes_with_akools_input_advice(api_env: Sandbox, isolated: Isolation) -> None:
    advice = kinds.TALKING_PHOTO.failure_hint
    for documented in ("front-facing", "well-lit", "MP3", "as long as the audio"):
        assert documented in advice
    failing = "https://example.com/fail.jpg"
    result = invoke(["talk", failing, "https://example.com/a.mp3", "--wait"], expect=6)
    errors = [line for line in result.stderr.splitlines() if line.startswith(("Error:", "Hint:"))]
    assert errors[0].startswith("Error: job ") and "no usable face" in errors[0]
    assert errors[1] == f"Hint: {advice}"
    job_id = result.stdout.strip()
    assert f"Hint: {advice}" in invoke(["watch", job_id], expect=6).stderr
    rows = isolated.tmp / "rows.csv"
    rows.write_text(f"image_url,audio_url\n{failing},https://example.com/a.mp3\n")
    report = json.loads(invoke(["batch", str(rows), "--json"], expect=9).stdout)
    (row,) = report["results"]
    assert row["state"] == "failed" and "no usable face" in row["error"]
    assert row["error"].endswith(advice)


def test_the_advice_is_only_for_failures(api_env: Sandbox) -> None:
    result = invoke(["talk", IMAGE, "https://example.com/a.mp3", "--wait"])
    assert "MP3" not in result.stderr


def test_a_speech_job_downloads_as_audio(api_env: Sandbox, isolated: Isolation) -> None:
    invoke(["talk", "https://example.com/p.jpg", "--text", "Hi there", "--voice", "sbx-en-f-ava"])
    [speech_id] = api_env.state.speech
    out = isolated.tmp / "audio"
    saved = invoke(["watch", speech_id, "-o", f"{out}/"]).stdout.strip()
    assert saved == str(out / f"{speech_id}.mp3")
    data = (out / f"{speech_id}.mp3").read_bytes()
    assert data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0)
