"""What a fresh-context break-it run of the video products found, each refused or said before
billing: a head swap row's faces with an empty place (`a||b`), head swap's "analyses" line before
its local inputs were checked, a captions file that is text but not SRT or ASS, an empty --text
for a talking avatar, and the sandbox's head swap words (`twopeople`) nowhere in the docs.

Each test fails on akool before its fix: the empty place was dropped (every later face moved to
another person), the line came before the error, any text passed as subtitles, the avatar's
error spoke of voice_id, and docs/sandbox.md named none of the words.
"""

from __future__ import annotations

import json
from pathlib import Path

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox import headswap as sandbox_headswap
from akool_cli.sandbox import products as sandbox_products
from tests.conftest import ROOT, Isolation
from tests.support.runner import invoke
from tests.test_upload import S3, moto_endpoint, s3

__all__ = ["moto_endpoint", "s3"]  # the fixtures these tests use

E = "https://example.com"
SRT = b"1\n00:00:01,000 --> 00:00:03,500\nHola a todos\n\n2\n00:00:04,000 --> 00:00:06,000\nAdios\n"


def asked(sandbox: Sandbox, endpoint: contract.Endpoint) -> int:
    return sum(1 for r in sandbox.state.received if r.path == endpoint.path)


def test_a_faces_column_with_an_empty_place_is_refused(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "rows.jsonl"
    lines = [
        {
            "id": "gap",
            "kind": "headswap",
            "video_url": f"{E}/twopeople.mp4",
            "faces": "a.jpg||b.jpg",
        },
        {
            "id": "end",
            "kind": "headswap",
            "video_url": f"{E}/twopeople.mp4",
            "faces": f"{E}/a.jpg|",
        },
        {"id": "ok", "kind": "headswap", "video_url": f"{E}/twopeople.mp4", "faces": f"{E}/a.jpg"},
    ]
    rows.write_text("".join(json.dumps(line) + "\n" for line in lines))
    refused = invoke(["batch", str(rows)], expect=2)
    assert "row 1: faces 'a.jpg||b.jpg' has no face in place 2 of 3" in refused.stderr
    assert f"row 2: faces '{E}/a.jpg|' has no face in place 2 of 2" in refused.stderr
    assert "2 invalid row(s)" in refused.stderr
    # The command and the library take one face per --face: a column's bars are refused there.
    barred = ["headswap", f"{E}/twopeople.mp4", "--face", f"{E}/a.jpg||{E}/b.jpg"]
    said = invoke(barred, expect=2)
    assert "holds '|': each face is given on its own" in said.stderr and "--face" in said.stderr
    assert asked(api_env, contract.HEADSWAP_ANALYZE) == 0


def test_head_swap_says_it_analyses_only_once_its_inputs_are_checked(
    api_env: Sandbox, isolated: Isolation
) -> None:
    missing = isolated.tmp / "nowhere.mp4"
    args = ["headswap", str(missing), "--face", f"{E}/a.jpg", "--upload-to", "s3://bucket/akool/"]
    refused = invoke(args, expect=2)
    assert "nowhere.mp4" in refused.stderr and "analyses" not in refused.stderr
    faces = ["--face", f"{E}/a.jpg", "--face", f"{E}/b.jpg"]
    made = invoke(["headswap", f"{E}/twopeople.mp4", *faces])
    assert "AKOOL analyses the video's people first" in made.stderr
    assert asked(api_env, contract.HEADSWAP_ANALYZE) == 1


def test_a_captions_file_that_is_not_srt_or_ass_is_refused_before_billing(
    s3: S3, api_env: Sandbox
) -> None:
    base = ["translate", f"{E}/talk.mp4", "--to", "es", "--upload-to", s3.target]
    cases = {
        "notes.srt": (b"Hola a todos\nAdios\n", "neither SRT (it opens with a numbered cue"),
        "web.srt": (b"WEBVTT\n\n00:01.000 --> 00:03.500\nHola\n", "WebVTT subtitles"),
    }
    for name, (data, words) in cases.items():
        refused = invoke([*base, "--captions-file", str(s3.file(name, data))], expect=2)
        assert words in refused.stderr and name in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
    assert s3.object_keys() == [] and asked(api_env, contract.CREATE_TRANSLATION) == 0
    good = s3.file("es.srt", SRT)
    invoke([*base, "--captions-file", str(good)])
    ass = s3.file("es.ass", b"\xef\xbb\xbf[Script Info]\nTitle: es\nScriptType: v4.00+\n")
    invoke([*base, "--captions-file", str(ass), "--name", "ass"])
    assert asked(api_env, contract.CREATE_TRANSLATION) == 2


def test_an_empty_text_for_a_talking_avatar_says_what_is_wrong(api_env: Sandbox) -> None:
    for text in ("", "   "):
        result = invoke(["avatar", "SandboxAnna01", "--text", text, "--voice", "v1"], expect=2)
        [error, hint] = result.stderr.strip().splitlines()
        assert error == "Error: --text is empty: the avatar has nothing to say"
        assert "--text" in hint and "AUDIO" in hint and "voice_id" not in result.stderr
    assert not api_env.state.jobs


def test_the_sandboxs_words_for_each_product_are_documented_and_the_example_runs(
    api_env: Sandbox, isolated: Isolation
) -> None:
    page = (ROOT / "docs" / "sandbox.md").read_text(encoding="utf-8")
    words = [*sandbox_headswap.PEOPLE_TRIGGERS]
    words += [w for table in sandbox_products.REFUSALS.values() for w in table]
    for word in words:
        assert f"`{word}`" in page, word
    for code in sandbox_products.EFFECT_CODES | sandbox_products.LANGUAGE_CODES:
        assert f"`{code}`" in page, code
    # The example the page gives: two faces for the two people of a `twopeople` video.
    out = isolated.tmp / "out"
    example = [
        "headswap",
        f"{E}/twopeople.mp4",
        "--face",
        f"{E}/anna.jpg",
        "--face",
        f"{E}/ben.jpg",
        "-o",
        f"{out}/",
    ]
    job_id = invoke(example).stdout.split()[0]
    assert Path(out / f"{job_id}.mp4").is_file()
