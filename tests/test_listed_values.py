"""Values AKOOL lists at run time, checked before billing: text to video's model, resolution and
length (aigModel/list), image to video's effect (image2Video/effects), translation's languages
(language/list, duplicates too), for commands, the library and batch rows alike; and `akool batch
--help` naming every kind a batch file takes.

Each test fails on akool before these checks: the values were sent and billed (or refused by
AKOOL after a billed create), `--to es,es` was sent as two translations, and batch's help named
four kinds.
"""

from __future__ import annotations

import json
import re

import pytest

from akool_cli import Client, UsageError
from akool_cli.core import contract, products
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke

IMAGE = "https://example.com/photo.jpg"
VIDEO = "https://example.com/talk.mp4"
MODEL = "seedance-1-0-lite-i2v-250428"  # text2video.mdx's examples' model


def creates(sandbox: Sandbox, endpoint: contract.Endpoint) -> int:
    return sum(1 for r in sandbox.state.received if r.path == endpoint.path)


def asked(sandbox: Sandbox, endpoint: contract.Endpoint) -> int:
    return sum(1 for r in sandbox.state.received if r.path == endpoint.path)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--model", "sora-9"], f"model_name 'sora-9' is not one AKOOL lists; one of: {MODEL}"),
        (
            ["--model", MODEL, "--resolution", "4k"],
            f"resolution '4k' is not one AKOOL lists for model {MODEL}; one of: 480p, 720p, 1080p",
        ),
        (["--length", "7"], "video_length '7' is not one AKOOL lists; one of: 5, 10"),
        (["--resolution", "720P"], "resolution '720P' is not one AKOOL lists; did you mean 720p?"),
    ],
)
def test_text2video_values_akool_does_not_list_are_refused_before_billing(
    api_env: Sandbox, args: list[str], message: str
) -> None:
    result = invoke(["text2video", "--prompt", "a lake", *args], expect=2)
    [line, hint] = result.stderr.strip().splitlines()
    assert message in line and "Hint:" in hint and "akool models" in hint
    assert creates(api_env, contract.CREATE_TEXT2VIDEO) == 0


def test_text2video_with_listed_values_is_made_and_the_list_is_read_once(
    api_env: Sandbox,
) -> None:
    args = ["--model", MODEL, "--resolution", "1080p", "--length", "10"]
    invoke(["text2video", "--prompt", "a lake", *args])
    assert creates(api_env, contract.CREATE_TEXT2VIDEO) == 1
    assert asked(api_env, contract.MODEL_LIST) == 1  # one list for three values
    invoke(["text2video", "--prompt", "no listed value"])  # nothing to check: no list read
    assert asked(api_env, contract.MODEL_LIST) == 1


def test_an_effect_akool_does_not_list_is_refused_before_billing(api_env: Sandbox) -> None:
    result = invoke(["image2video", IMAGE, "--prompt", "p", "--effect", "squish"], expect=2)
    assert "effect_code 'squish' is not one AKOOL lists; one of: squish_89244231312" in (
        result.stderr
    )
    assert "akool effects" in result.stderr and creates(api_env, contract.CREATE_IMAGE2VIDEO) == 0
    invoke(["image2video", IMAGE, "--prompt", "p", "--effect", "cakeify_24743216"])
    assert creates(api_env, contract.CREATE_IMAGE2VIDEO) == 1


@pytest.mark.parametrize(
    ("to", "message"),
    [
        ("xx", "language 'xx' is not one AKOOL lists; one of: af-ZA, en, es, fr, de"),
        ("es,es", "language es is given twice (each is billed once)"),
        ("es, fr,es", "language es is given twice"),
        ("zh-cn", "language 'zh-cn' is not one AKOOL lists; did you mean zh-CN?"),
    ],
)
def test_translation_languages_are_checked_against_akools_list_and_never_twice(
    api_env: Sandbox, to: str, message: str
) -> None:
    result = invoke(["translate", VIDEO, "--to", to], expect=2)
    assert message in result.stderr and "Hint:" in result.stderr
    assert "Traceback" not in result.stderr
    assert creates(api_env, contract.CREATE_TRANSLATION) == 0


def test_the_source_language_is_default_or_a_listed_code(api_env: Sandbox) -> None:
    refused = invoke(["translate", VIDEO, "--to", "es", "--from", "xx"], expect=2)
    assert "source_language 'xx' is not one AKOOL lists" in refused.stderr
    invoke(["translate", VIDEO, "--to", "es", "--from", "en"])
    invoke(["translate", VIDEO, "--to", "fr"])  # DEFAULT: detected, not looked up
    assert creates(api_env, contract.CREATE_TRANSLATION) == 2


def test_a_long_language_list_is_named_in_part(api_env: Sandbox) -> None:
    result = invoke(["translate", VIDEO, "--to", "es,tlh"], expect=2)
    assert re.search(
        r"one of: af-ZA, .*zh-CN-shandong … \(\+1 more: akool languages\)", result.stderr
    )
    invoke(["translate", VIDEO, "--to", "ja,zh-CN-shandong,zh-CN-sichuan"])  # the docs' example
    assert creates(api_env, contract.CREATE_TRANSLATION) == 1


def test_the_library_checks_listed_values_too(api_env: Sandbox, isolated: Isolation) -> None:
    with Client(SANDBOX_API_KEY, base_url=api_env.base_url) as client:
        with pytest.raises(UsageError, match="language es is given twice"):
            client.translate(VIDEO, ["es", "es"])
        with pytest.raises(UsageError, match="model_name 'x' is not one AKOOL lists"):
            client.text2video("a lake", model="x")
        with pytest.raises(UsageError, match="effect_code 'nope'"):
            client.make("image2video", {"image_url": IMAGE, "prompt": "p", "effect_code": "nope"})
    assert creates(api_env, contract.CREATE_TRANSLATION) == 0
    assert creates(api_env, contract.CREATE_TEXT2VIDEO) == 0


def test_batch_rows_with_values_akool_does_not_list_are_invalid_before_anything_is_billed(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "rows.jsonl"
    lines = [
        {"id": "dub", "kind": "translate", "url": VIDEO, "language": "es,xx"},
        {"id": "twice", "kind": "translate", "url": VIDEO, "language": "fr,fr"},
        {"id": "lake", "kind": "text2video", "prompt": "a lake", "model_name": "sora-9"},
        {"id": "fx", "kind": "image2video", "image_url": IMAGE, "prompt": "p", "effect_code": "x"},
        {"id": "ok", "kind": "translate", "url": VIDEO, "language": "de"},
    ]
    rows.write_text("".join(json.dumps(line) + "\n" for line in lines))
    # A dry run calls nothing: what needs no list (a language twice) is said all the same.
    dry = invoke(["batch", str(rows), "--dry-run"], expect=2)
    assert "row 2: " in dry.stderr and "language fr is given twice" in dry.stderr
    assert asked(api_env, contract.LANGUAGE_LIST) == 0
    refused = invoke(["batch", str(rows)], expect=2)
    assert "row 1: language 'xx' is not one AKOOL lists" in refused.stderr
    assert "row 3: model_name 'sora-9' is not one AKOOL lists" in refused.stderr
    assert "row 4: effect_code 'x' is not one AKOOL lists" in refused.stderr
    assert "4 invalid row(s)" in refused.stderr and not api_env.state.jobs
    assert asked(api_env, contract.LANGUAGE_LIST) == 1  # read once for every row
    ran = json.loads(invoke(["batch", str(rows), "--skip-invalid", "--json"], expect=9).stdout)
    assert [r["id"] for r in ran["results"]] == ["ok"] and len(api_env.state.jobs) == 1


def test_batch_help_names_every_kind_a_batch_file_takes() -> None:
    shown = " ".join(invoke(["batch", "--help"]).stdout.split())
    for kind in products.batch_kinds():
        assert kind in shown, kind
    assert "headswap" in shown and "avatars add" in shown and "faceswap_plus" in shown
