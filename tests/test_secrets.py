"""No secret in any output, log, error, traceback or file: every command, with and without --debug."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

API_KEY = "SECRETAPIKEY-b5f0c7e2d9a14f4e"
CLIENT_ID = "64db241f6d9e5c4bd136c187"
CLIENT_SECRET = "SECRETCLIENT-0123456789abcd"  # 28 bytes is fine for the sandbox
IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


@pytest.fixture
def secret_sandbox(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    sandbox.state.config.api_key = API_KEY
    sandbox.state.config.client_id = CLIENT_ID
    sandbox.state.config.client_secret = CLIENT_SECRET
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    return sandbox


def everything_written(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_no_command_ever_shows_or_writes_a_secret(
    secret_sandbox: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    debug: bool,
) -> None:
    if debug:
        monkeypatch.setenv("AKOOL_DEBUG", "1")
    captured: list[str] = []

    def akool(args: list[str], stdin: str | None = None, expect: int | None = 0) -> str:
        result = invoke(args, input=stdin, expect=expect)
        captured.extend([result.stdout, result.stderr])
        return result.stdout

    outdir = isolated.tmp / "videos"
    outdir.mkdir()
    akool(["login"], API_KEY + "\n")
    akool(["auth", "status"])
    akool(["auth", "status", "--json"])
    akool(["credit"])
    job = akool(["talk", IMAGE, AUDIO]).strip()
    akool(["talk", IMAGE, AUDIO, "--json", "-o", str(outdir) + "/"])
    akool(["watch", job, "-o", str(outdir)])
    akool(["status"])
    akool(["status", "--json", job])
    akool(["status", "0" * 24], expect=4)
    akool(["talk", "./local.jpg", AUDIO], expect=2)
    akool(["login", "--client-id", CLIENT_ID], CLIENT_SECRET)
    akool(["credit", "--json"])
    akool(["talk", IMAGE, AUDIO, "--wait"])
    akool(["logout"])
    akool(["login"], "WRONG-" + API_KEY, expect=3)
    akool(["login", "--client-id", CLIENT_ID], "WRONG-" + CLIENT_SECRET, expect=3)
    monkeypatch.setenv("AKOOL_API_KEY", API_KEY)
    akool(["auth", "status"])
    monkeypatch.setenv("AKOOL_API_KEY", API_KEY + "x")
    akool(["auth", "status"], expect=3)
    monkeypatch.delenv("AKOOL_API_KEY")
    monkeypatch.setenv("AKOOL_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", CLIENT_SECRET)
    akool(["credit"])
    secret_sandbox.state.inject("500", "500", "500", "500", "500")
    akool(["credit"], expect=5)

    tokens = list(secret_sandbox.state.tokens)
    assert tokens, "the legacy flow should have issued bearer tokens"
    text = "\n".join(captured)
    if debug:
        assert "x-api-key" in text and "***" in text  # the trace ran, redacted
    files = everything_written(isolated.tmp)
    for secret in [API_KEY, CLIENT_SECRET, *tokens]:
        assert secret not in text
        assert secret.encode() not in files


def test_a_key_typed_into_a_prompt_is_masked_by_every_command_that_prints_it(
    secret_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17j J9: the key pasted into --prompt (a clipboard slip) was printed by `history
    --json`, which never reads the credential. Output masks the environment's secrets in every
    command; the history keeps the prompt as typed (it must match AKOOL's echo of it)."""
    monkeypatch.setenv("AKOOL_API_KEY", API_KEY)
    invoke(["talk", IMAGE, AUDIO, "--prompt", f"my key is {API_KEY}"])
    for args in (["history", "--json"], ["history", "--csv"], ["status", "--json"]):
        shown = invoke(args)
        assert API_KEY not in shown.stdout + shown.stderr, args
        assert "my key is ***" in shown.stdout, args


# -- signed URLs, clipped bodies, credentials in a bucket's URL ----------------------------------

PRESIGNED = (
    "https://bucket.s3.amazonaws.com/inputs/me.png?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIASIGNINGKEY7%2F20250101%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Date=20250101T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
    "&X-Amz-Security-Token=IQoJb3JpZ2luSESSIONTOKEN&X-Amz-Signature=5ec0ffee5ec0ffee5ec0ffee"
)
SIGNING_VALUES = ("AKIASIGNINGKEY7", "IQoJb3JpZ2luSESSIONTOKEN", "5ec0ffee5ec0ffee")


@pytest.mark.parametrize(
    ("shown", "hidden"),
    [
        (PRESIGNED, SIGNING_VALUES),
        (
            "https://storage.googleapis.com/b/o?X-Goog-Signature=abc123def&X-Goog-Credential=sa%40p",
            ("abc123def", "sa%40p"),
        ),
        ("https://acct.blob.core.windows.net/c/b?sv=2022&sig=AzUrEsIg%2B%3D", ("AzUrEsIg",)),
        (
            "https://x.example/a?AWSAccessKeyId=AKIAOLDSTYLE&Expires=1&Signature=oldsig%2B",
            ("AKIAOLDSTYLE", "oldsig"),
        ),
        (
            "https://x.example/a?access_token=tok123&token=tok456&api_key=k789",
            ("tok123", "tok456", "k789"),
        ),
        (
            "--upload-to 's3://AKIAUSERPART:wJalrSECRETPART@bucket/p/' is wrong",
            ("AKIAUSERPART", "wJalrSECRETPART"),
        ),
    ],
    ids=["aws", "google", "azure", "s3-v2", "tokens", "userinfo"],
)
def test_signing_values_are_masked_in_any_text(shown: str, hidden: tuple[str, ...]) -> None:
    from akool_cli.core.redact import Redactor

    masked = Redactor().text(f"Error: could not check {shown} (timed out)")
    assert not [value for value in hidden if value in masked]
    assert "…" in masked or "***@" in masked
    assert "X-Amz-Date=20250101T000000Z" in Redactor().text(PRESIGNED)  # the rest stays readable


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_a_secret_at_the_clipping_edge_is_masked_whole(as_json: bool) -> None:
    from akool_cli.core.redact import Redactor

    redactor = Redactor([API_KEY])
    for padding in range(500, 640):
        raw = (
            json.dumps({"padding": "x" * padding, "echo": API_KEY}).encode()
            if as_json
            else b"x" * padding + API_KEY.encode() + b" and more"
        )
        shown = redactor.body(raw, limit=600)
        assert not _fragments(API_KEY, shown), (padding, shown[-60:])


def _fragments(secret: str, text: str, size: int = 6) -> list[str]:
    """The pieces of secret (size characters or more) that appear in text."""
    return [
        secret[i : i + size] for i in range(len(secret) - size + 1) if secret[i : i + size] in text
    ]


def test_debug_traces_never_show_the_part_of_a_key_before_the_clip(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that echoes the key after padding: the trace clips its body at 600 characters."""
    from tests.support.servers import Answer, scripted_server

    monkeypatch.setenv("AKOOL_API_KEY", API_KEY)
    with scripted_server() as server:
        monkeypatch.setenv("AKOOL_BASE_URL", server.url)
        for padding in (545, 560, 569, 575, 590):
            body = b"<html>" + b"x" * padding + API_KEY.encode() + b"</html>"
            server.route("/api/open/v3/faceswap/quota/info", Answer(502, body, "text/html"))
            result = invoke(["--debug", "credit"], expect=None)
            assert result.exit_code in (4, 5)
            assert "<- 502" in result.stderr  # the trace ran
            assert not _fragments(API_KEY, result.stdout + result.stderr), padding


def test_a_bucket_url_with_credentials_is_never_echoed(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = isolated.tmp / "me.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    target = "s3://AKIAUSERPART:wJalrSECRETPART@my-bucket/inputs/"
    runs = [
        (["talk", str(image), "https://example.com/a.mp3", "--upload-to", target], {}),
        (["talk", str(image), "https://example.com/a.mp3", "--upload-to", target, "--json"], {}),
        (["--debug", "talk", str(image), "https://example.com/a.mp3"], {"AKOOL_UPLOAD_TO": target}),
        (["config", "set", "upload-to", target], {}),
    ]
    for argv, env in runs:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        result = invoke(argv, expect=2)
        shown = result.stdout + result.stderr
        assert "AKIAUSERPART" not in shown and "wJalrSECRETPART" not in shown, shown
        assert "***@my-bucket" in shown and "Hint:" in result.stderr
    assert b"wJalrSECRETPART" not in everything_written(isolated.tmp)


ECHOES = {
    "upper": API_KEY.upper(),
    "lower": API_KEY.lower(),
    "cut": API_KEY[:-1],
    "half": API_KEY[:14],
    "encoded": API_KEY.replace("-", "%2D"),
    "encoded-lower": API_KEY.lower().replace("-", "%2d"),
    "all-encoded": "".join(f"%{b:02X}" for b in API_KEY.encode()),
}


@pytest.mark.parametrize("echo", list(ECHOES), ids=list(ECHOES))
def test_a_key_echoed_altered_is_masked_everywhere(
    echo: str, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17i I11: a gateway that echoes the rejected key upper-cased, percent-encoded or cut
    short: none of it on stderr, in --json or in --debug (one redaction owner, core/redact)."""
    from tests.support.servers import Answer, scripted_server

    monkeypatch.setenv("AKOOL_API_KEY", API_KEY)
    with scripted_server() as server:
        monkeypatch.setenv("AKOOL_BASE_URL", server.url)
        message = f"key {ECHOES[echo]} invalid"
        server.route(
            "/api/open/v3/faceswap/quota/info",
            Answer(200, json.dumps({"code": 1109, "msg": message}).encode()),
        )
        for argv in (["credit"], ["credit", "--json"], ["--debug", "credit"]):
            result = invoke(argv, expect=3)
            shown = result.stdout + result.stderr
            assert "key *** invalid" in shown, shown
            assert not _fragments(API_KEY.lower(), shown.lower(), size=10), shown
            assert "%2D" not in shown.upper(), shown


def test_text_that_only_looks_like_a_key_is_left_alone() -> None:
    """Runs shorter than redact.RUN, and other hex, stay as they are (job ids, URLs)."""
    from akool_cli.core.redact import Redactor

    redactor = Redactor([API_KEY, "sbx-" + "0f" * 16])
    kept = "job 64db241f6d9e5c4bd136c187 of SECRETAPI (b5f0c7e2) at https://x.test/a%20b.mp4"
    assert redactor.text(kept) == kept
