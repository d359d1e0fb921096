"""Checks before billing: each input URL fetched the way AKOOL will, faces, and what files are."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.core import mediatypes
from akool_cli.inputs.preflight import Events, Settings, check_urls
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.fetching import fetching_sandbox
from tests.support.runner import invoke
from tests.support.servers import Answer, ScriptedServer, scripted_server

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(64)


@pytest.fixture
def files(api_env: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    """A file host on loopback (answering HEAD with 501, as many simple servers do), checks on."""
    monkeypatch.delenv("AKOOL_NO_CHECK")
    with scripted_server() as server:
        server.route("/me.png", Answer(body=PNG, content_type="image/png"))
        server.route("/noface.png", Answer(body=PNG, content_type="image/png"))
        server.route("/manyfaces.png", Answer(body=PNG, content_type="image/png"))
        server.route("/hi.mp3", Answer(body=MP3, content_type="audio/mpeg"))
        server.route(
            "/share.jpg", Answer(body=b"<!doctype html><p>Sign in", content_type="text/html")
        )
        server.route(
            "/text.jpg", Answer(body=b"hello world", content_type="application/octet-stream")
        )
        server.route("/raw.jpg", Answer(body=PNG, content_type="application/octet-stream"))
        server.route("/raw.mp3", Answer(body=PNG, content_type="binary/octet-stream"))
        server.route("/data.mp3", Answer(body=b'{"a": 1}', content_type="application/json"))
        server.route("/audio-as-image.jpg", Answer(body=MP3, content_type="audio/mpeg"))
        yield server


def test_html_pages_and_4xx_answers_are_refused_before_the_create(
    files: ScriptedServer, api_env: Sandbox
) -> None:
    result = invoke(["talk", files.url + "/share.jpg", files.url + "/gone.mp3"], expect=2)
    error = result.stderr.splitlines()[0]
    assert "2 input problems" in error
    assert "share.jpg serves an HTML page (text/html)" in error
    assert "gone.mp3 answered HTTP 404 (not found)" in error
    assert api_env.state.jobs == {}


@pytest.mark.parametrize(
    ("image", "audio", "fragment"),
    [
        ("/text.jpg", "/hi.mp3", "serves text, not a JPEG, PNG or WebP image"),
        ("/me.png", "/data.mp3", "application/json, which is neither an image nor audio"),
        ("/audio-as-image.jpg", "/hi.mp3", "audio/mpeg, not an image"),
        ("/me.png", "/me.png", "is also given as the image"),
        ("/me.png", "/raw.mp3", "serves PNG image, not audio"),
    ],
)
def test_inputs_that_are_not_what_they_should_be_are_refused(
    files: ScriptedServer, api_env: Sandbox, image: str, audio: str, fragment: str
) -> None:
    result = invoke(["talk", files.url + image, files.url + audio], expect=2)
    assert fragment in result.stderr
    assert api_env.state.jobs == {}


def test_good_inputs_pass_even_as_octet_stream_and_no_check_skips(
    files: ScriptedServer, api_env: Sandbox
) -> None:
    invoke(["talk", files.url + "/raw.jpg", files.url + "/hi.mp3"])
    assert files.hits == {"/raw.jpg": 1, "/hi.mp3": 1}  # HEAD refused (501), then a range GET
    invoke(["talk", files.url + "/share.jpg", files.url + "/gone.mp3", "--no-check"])
    assert files.hits == {"/raw.jpg": 1, "/hi.mp3": 1}
    assert len(api_env.state.jobs) == 2


def test_an_input_this_machine_cannot_reach_only_warns(
    files: ScriptedServer, api_env: Sandbox
) -> None:
    result = invoke(["talk", "http://127.0.0.1:9/me.png", files.url + "/hi.mp3"])
    assert "Warning: could not check http://127.0.0.1:9/me.png from here" in result.stderr
    assert "private" not in result.stderr  # AKOOL here is a sandbox on this machine
    assert len(api_env.state.jobs) == 1


def test_a_private_address_warns_that_akool_cannot_reach_it(files: ScriptedServer) -> None:
    warnings: list[str] = []
    events = Events(warn=warnings.append)
    roles: dict[str, mediatypes.Role] = {files.url + "/me.png": "image"}
    assert check_urls(roles, Settings(base_url="https://openapi.akool.com"), events) == []
    assert len(warnings) == 1 and "AKOOL's servers cannot fetch it" in warnings[0]
    warnings.clear()
    assert check_urls(roles, Settings(base_url=files.url), events) == []
    assert warnings == []


def test_presigned_urls_are_checked_with_a_range_get_only() -> None:
    def methods(server: ScriptedServer) -> list[str]:
        return [f"{r.method} {r.headers.get('Range', '')}".strip() for r in server.seen]

    # Like S3 with a presigned URL: HEAD is refused (403), a GET with a Range works.
    with scripted_server() as server:
        server.route("/me.jpg", Answer(403), method="HEAD")
        server.route("/me.jpg", Answer(206, b"\xff\xd8\xff\xe0", "image/jpeg"), method="GET")
        base = server.url
        signed = base + "/me.jpg?X-Amz-Expires=60&X-Amz-Signature=abc"
        assert check_urls({signed: "image"}, Settings(base_url=base), Events()) == []
        assert methods(server) == ["GET bytes=0-31"]
        assert check_urls({base + "/me.jpg": "image"}, Settings(base_url=base), Events()) == []
        assert methods(server)[1:] == ["HEAD", "GET bytes=0-31"]


def test_batch_checks_each_distinct_url_once(
    files: ScriptedServer, api_env: Sandbox, isolated: Isolation
) -> None:
    rows = [f"r{n},{files.url}/me.png,{files.url}/hi.mp3" for n in range(5)]
    csv = isolated.tmp / "jobs.csv"
    csv.write_text("id,image_url,audio_url\n" + "\n".join(rows) + "\n")
    result = invoke(["batch", str(csv), "--json", "--interval", "1"])
    assert json.loads(result.stdout)["done"] == 5
    assert files.hits == {"/me.png": 1, "/hi.mp3": 1}
    bad = isolated.tmp / "bad.csv"
    bad.write_text(f"image_url,audio_url\n{files.url}/share.jpg,{files.url}/hi.mp3\n")
    refused = invoke(["batch", str(bad)], expect=2)
    assert "HTML page" in refused.stderr and len(api_env.state.jobs) == 5


def test_check_face_refuses_a_portrait_without_a_face_and_warns_for_several(
    files: ScriptedServer, api_env: Sandbox
) -> None:
    audio = files.url + "/hi.mp3"
    none = invoke(["talk", files.url + "/noface.png", audio, "--check-face"], expect=2)
    assert "shows no face AKOOL can find" in none.stderr and api_env.state.jobs == {}
    many = invoke(["talk", files.url + "/manyfaces.png", audio, "--check-face"])
    assert "shows 3 faces" in many.stderr and len(api_env.state.jobs) == 1
    invoke(["talk", files.url + "/me.png", audio, "--check-face"])
    invoke(["talk", files.url + "/noface.png", audio])  # no face check unless asked
    detect = [r for r in api_env.state.received if r.path.endswith("/detect_faces")]
    assert len(detect) == 3 and all(r.headers.get("x-api-key") for r in detect)
    assert len(api_env.state.jobs) == 3


def test_url_ttl_must_be_a_duration_within_seven_days(
    files: ScriptedServer, api_env: Sandbox
) -> None:
    for value, fragment in (("8d", "outside 1 minute to 7 days"), ("soon", "not a duration")):
        result = invoke(
            ["talk", files.url + "/me.png", files.url + "/hi.mp3", "--url-ttl", value], expect=2
        )
        assert fragment in result.stderr
    assert api_env.state.received == []


@pytest.mark.parametrize(
    ("head", "name"),
    [
        (b"\xff\xd8\xff\xdb", "JPEG"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP"),
        (b"ID3\x03", "MP3"),
        (b"\xff\xfb\x90\x00", "MP3"),
        (b"\xff\xf1\x50\x80", "AAC"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "WAV"),
        (b"\x00\x00\x00\x20ftypM4A \x00", "M4A"),
        (b"OggS\x00\x02", "OGG"),
        (b"fLaC\x00\x00", "FLAC"),
    ],
)
def test_sniffing_knows_each_supported_kind(head: bytes, name: str) -> None:
    kind = mediatypes.sniff(head)
    assert kind is not None and kind.name == name


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"GIF89a", "a GIF image"),
        (b"%PDF-1.7", "a PDF document"),
        (b"  <html>", "an HTML or XML page"),
        (b"plain words", "text"),
        (b"\x00\x00\x00\x18ftypqt  ", "an MP4 video, not audio"),
        (b"", "an empty file"),
    ],
)
def test_sniffing_names_what_other_files_are(head: bytes, what: str) -> None:
    assert mediatypes.sniff(head) is None and mediatypes.describe(head) == what


@pytest.fixture
def fetching(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with fetching_sandbox(isolated.clock, monkeypatch) as server:
        yield server


def test_the_sandbox_refuses_redirects_to_another_host_and_oversized_inputs(
    fetching: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from akool_cli.sandbox import fetch

    with scripted_server() as host:
        host.route("/me.png", Answer(body=PNG, content_type="image/png"))
        host.route("/hi.mp3", Answer(body=MP3, content_type="audio/mpeg"))
        away = "http://localhost:9/elsewhere.png"
        host.route("/moved.png", Answer(status=302, headers={"Location": away}))
        host.route("/here.png", Answer(status=302, headers={"Location": host.url + "/me.png"}))
        invoke(["talk", host.url + "/here.png", host.url + "/hi.mp3"])
        invoke(["talk", host.url + "/moved.png", host.url + "/hi.mp3"])
        monkeypatch.setattr(fetch, "MAX_INPUT_BYTES", 16)
        invoke(["talk", host.url + "/me.png", host.url + "/hi.mp3"])
    isolated.clock.advance(60)
    jobs = sorted(fetching.state.jobs.values(), key=lambda j: j.created_wall)
    assert [fetching.state.status(j) for j in jobs] == [3, 4, 4]
    assert "redirects to another host (localhost)" in jobs[1].failure
    assert "larger than" in jobs[2].failure


def test_sandbox_speech_files_are_audio(fetching: Sandbox) -> None:
    from akool_cli.sandbox import fetch

    assert fetch.input_problem(f"{fetching.base_url}/_sandbox/speech/abc.mp3", "audio") is None
    assert "HTTP 404" in str(fetch.input_problem(f"{fetching.base_url}/nothing.png", "image"))


def test_help_explains_uploads_and_checks() -> None:
    text = invoke(["talk", "--help"]).stdout
    for fragment in (
        "--upload-to",
        "AWS_PROFILE",
        "AWS_ENDPOINT_URL",
        "--no-check",
        "--check-face",
        "does not document its price",
        "range GET",
    ):
        assert fragment in " ".join(text.split()), fragment


def test_the_demo_inputs_are_a_png_portrait_and_wav_speech() -> None:
    root = Path(__file__).resolve().parent.parent / "demo"
    image = mediatypes.sniff((root / "portrait.png").read_bytes()[:32])
    audio = mediatypes.sniff((root / "hello.wav").read_bytes()[:32])
    assert image == mediatypes.PNG and audio == mediatypes.WAV
    assert (root / "portrait.png").stat().st_size + (root / "hello.wav").stat().st_size < 20_000


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_uploads_show_a_bar_with_sizes_on_a_terminal_and_lines_otherwise() -> None:
    from akool_cli.cli.output import Output, UploadDisplay

    for stream, expected in ((_Terminal(), "2.0 MB"), (io.StringIO(), "uploading me.png (2.0 MB)")):
        out = Output(stderr=stream, stdout=io.StringIO(), env={"NO_COLOR": "1"})
        with UploadDisplay(out) as display:
            display.started("/tmp/me.png", 2_000_000)
            display.advance("/tmp/me.png", 2_000_000)
            display.done("/tmp/me.png")
        assert expected in stream.getvalue() and "me.png" in stream.getvalue()
