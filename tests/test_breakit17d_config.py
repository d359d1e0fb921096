"""Issue 17's break-it run 17b, helper promises7's part: a login of an older akool follows no `config set
base-url`, hints that name where the base URL came from, bounded reads of akool's own files,
non-UTF-8 environment variables, more credential-bearing query names masked."""

# ruff: noqa: F811 (prod and listener are the fixtures of test_key_destinations, imported)
from __future__ import annotations

import json
import struct
import subprocess
from pathlib import Path

import pytest

from akool_cli.core import mp4facts
from akool_cli.core.clock import FakeClock
from akool_cli.core.contract import DEFAULT_BASE_URL
from akool_cli.jobs.download import download
from akool_cli.net.transport import Transport
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.media import sample_mp4
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.hostile import answering, raw_server
from tests.support.runner import AKOOL, invoke, process_env
from tests.test_bounded_reads import limit_memory
from tests.test_key_destinations import PROD_KEY, keys_seen, listener, prod  # noqa: F401
from tests.test_whole_files import UNFRAMED, save

LEGACY_KEYS = ("verified_base_url",)  # what akool before 98c615e never wrote


def _as_older_akool_wrote_it(isolated: Isolation) -> dict[str, dict[str, str]]:
    """config.json as an akool before verified_base_url existed left it (login + base_url)."""
    path = isolated.home / "config.json"
    settings = json.loads(path.read_text())
    for entry in settings["profiles"].values():
        for key in LEGACY_KEYS:
            entry.pop(key, None)
    path.write_text(json.dumps(settings))
    return dict(settings["profiles"])


# -- M1: a legacy login's key never follows `config set base-url` -----------------------------


def test_a_login_of_an_older_akool_does_not_follow_config_set_base_url(
    prod: Sandbox, listener: Sandbox, isolated: Isolation
) -> None:
    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    _as_older_akool_wrote_it(isolated)
    invoke(["config", "set", "base-url", listener.base_url])
    refused = invoke(["credit"], expect=3)
    assert f"verified on {prod.base_url}, not on {listener.base_url}" in refused.stderr
    assert keys_seen(listener) == set()
    # Frozen in the settings: what the login verified, whatever base-url says later.
    saved = json.loads((isolated.home / "config.json").read_text())["profiles"]["default"]
    assert saved["verified_base_url"] == prod.base_url
    invoke(["config", "set", "base-url", prod.base_url])
    invoke(["credit"])
    assert keys_seen(prod) == {PROD_KEY} and keys_seen(listener) == set()


def test_a_legacy_login_read_first_is_frozen_too(
    prod: Sandbox, listener: Sandbox, isolated: Isolation
) -> None:
    # The first command after the upgrade only reads; the next ones change base-url (also an
    # older akool's `config set`, which writes no verified URL: the frozen one stays).
    invoke(["--profile", "p", "--base-url", prod.base_url, "login"], input=PROD_KEY)
    _as_older_akool_wrote_it(isolated)
    invoke(["--profile", "p", "credit"])
    settings_path = isolated.home / "config.json"
    settings = json.loads(settings_path.read_text())
    settings["profiles"]["p"]["base_url"] = listener.base_url  # as an older akool's config set
    settings_path.write_text(json.dumps(settings))
    invoke(["--profile", "p", "credit"], expect=3)
    assert keys_seen(listener) == set()


def test_a_legacy_login_to_akools_host_stays_there(
    prod: Sandbox, listener: Sandbox, isolated: Isolation
) -> None:
    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    # As an older akool's login to AKOOL's documented host left it: no base_url saved.
    path = isolated.home / "config.json"
    path.write_text(json.dumps({"profiles": {"default": {"login": "keyring"}}}))
    invoke(["config", "set", "base-url", listener.base_url])
    refused = invoke(["credit"], expect=3)
    # It kept no fingerprint either, and no job shows the key: nothing is sent (break17k K13).
    assert "an older akool made that login" in refused.stderr
    assert f"--base-url {DEFAULT_BASE_URL} login" in refused.stderr
    assert keys_seen(listener) == set() and keys_seen(prod) == {PROD_KEY}


# -- L1: the hint says how to go back, for where the other base URL came from -----------------


def test_the_hint_names_config_for_a_saved_base_url(prod: Sandbox, listener: Sandbox) -> None:
    invoke(["--profile", "prod", "--base-url", prod.base_url, "login"], input=PROD_KEY)
    invoke(["--profile", "prod", "config", "set", "base-url", listener.base_url])
    refused = invoke(["--profile", "prod", "credit", "--json"], expect=3)
    error = json.loads(refused.stdout)["error"]
    assert "AKOOL_BASE_URL" not in error["hint"] and "--base-url)" not in error["hint"]
    assert f"akool --profile prod config set base-url {prod.base_url} to use" in error["hint"]
    assert "(from the profile's saved base-url)" in error["message"]
    assert keys_seen(listener) == set()


def test_the_error_carries_where_the_base_url_came_from(
    prod: Sandbox, listener: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    import akool_cli
    from akool_cli.core.errors import CredentialScopeError

    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    origins = {}
    invoke(["config", "set", "base-url", listener.base_url])
    for name, setup in (("saved", {}), ("env", {"AKOOL_BASE_URL": listener.base_url})):
        for key, value in setup.items():
            monkeypatch.setenv(key, value)
        with pytest.raises(CredentialScopeError) as caught, akool_cli.Client() as client:
            client.credit()
        origins[name] = caught.value.origin
    with (
        pytest.raises(CredentialScopeError) as caught,
        akool_cli.Client(base_url=listener.base_url) as client,
    ):
        client.credit()
    assert origins == {"saved": "saved", "env": "env"} and caught.value.origin == "flag"
    assert keys_seen(listener) == set()


# -- L3: akool's own files are read with a bound ----------------------------------------------


def _run(isolated: Isolation, argv: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AKOOL, *argv],
        env=process_env(isolated.home, **env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        preexec_fn=limit_memory,  # before the bound: a quick MemoryError, nothing else harmed
        timeout=60,
    )


def test_a_settings_file_that_is_dev_zero_is_refused_at_once(isolated: Isolation) -> None:
    isolated.home.mkdir()
    (isolated.home / "config.json").symlink_to("/dev/zero")
    done = _run(isolated, ["config", "list"])
    assert done.returncode == 2, done.stderr
    assert "is not a regular file" in done.stderr and done.stderr.count("Error:") == 1
    assert f"Hint: fix or delete {isolated.home / 'config.json'}" in done.stderr


def test_a_settings_file_past_the_limit_is_refused(isolated: Isolation) -> None:
    isolated.home.mkdir()
    padded = '{"profiles": {"default": {"upload_to": "s3://b/p/"}}}' + " " * (2 << 20)
    (isolated.home / "config.json").write_text(padded)
    done = invoke(["config", "get", "upload-to"], expect=2)
    assert "is larger than 1 MiB, akool's limit for it" in done.stderr


def test_a_sandbox_ready_file_that_is_dev_zero_is_not_read(isolated: Isolation) -> None:
    ready = isolated.home / "sandboxes" / "47999.json"
    ready.parent.mkdir(parents=True)
    ready.symlink_to("/dev/zero")
    argv = ["webhook", "verify"]
    done = _run(isolated, argv, AKOOL_BASE_URL="http://127.0.0.1:47999", AKOOL_API_KEY="k" * 20)
    assert done.returncode == 3, done.stderr
    assert "decrypting callbacks needs your clientId" in done.stderr


# -- L6: environment variables that are not UTF-8 ----------------------------------------------

NOT_UTF8 = "\udcff"  # how Python hands over the byte 0xff of an environment variable


@pytest.mark.parametrize(
    ("variable", "value", "argv"),
    [
        ("AKOOL_PROFILE", NOT_UTF8, ["talk", "https://e.com/a.jpg", "https://e.com/a.mp3"]),
        ("AKOOL_BASE_URL", "http://127.0.0.1:1/" + NOT_UTF8, ["credit"]),
        ("AKOOL_API_KEY", "key" + NOT_UTF8 + "0123456789", ["credit", "--json"]),
        ("AKOOL_PROFILE", NOT_UTF8, ["config", "set", "upload-to", "s3://b/p/"]),
        ("AKOOL_PROFILE", NOT_UTF8, ["login"]),
        ("AKOOL_UPLOAD_TO", "s3://b/" + NOT_UTF8, ["status"]),
    ],
    ids=["profile-talk", "base-url", "api-key-json", "profile-config-set", "login", "upload-to"],
)
def test_a_non_utf8_environment_variable_is_refused_by_name(
    variable: str,
    value: str,
    argv: list[str],
    sandbox: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    monkeypatch.setenv(variable, value)
    done = invoke(argv, input="some-key-0123456789", expect=2)
    line = f"the environment variable {variable} is not valid UTF-8"
    if "--json" in argv:
        assert json.loads(done.stdout)["error"]["message"] == line
    else:
        assert done.stderr.startswith(f"Error: {line}\nHint: ")
        assert len(done.stderr.splitlines()) == 2
    assert sandbox.state.received == [] and not (isolated.home / "config.json").exists()
    assert "0123456789" not in done.stderr + done.stdout  # a key is named, never shown


def test_the_library_refuses_a_profile_or_base_url_that_is_not_utf8(isolated: Isolation) -> None:
    import akool_cli
    from akool_cli.core.errors import UsageError

    for kwargs in (
        {"profile": NOT_UTF8},
        {"env": {"AKOOL_PROFILE": NOT_UTF8, "AKOOL_HOME": str(isolated.home)}},
        {"base_url": "https://x.example/" + NOT_UTF8},
    ):
        with (
            pytest.raises(UsageError, match="is not valid UTF-8"),
            akool_cli.Client(api_key="k" * 20, **kwargs) as client,
        ):
            assert client.base_url
            client.set_setting("upload-to", "s3://my-bucket/p/")
    assert not (isolated.home / "config.json").exists()


# -- L4: a video whose mdat runs "to the end of the file", cut inside its last chunk -----------


def _mdat_to_the_end() -> bytes:
    """The sandbox's MP4 with its mdat's size field 0: valid ISO BMFF, the box runs to EOF."""
    whole = sample_mp4()
    read = lambda offset, count: whole[offset : offset + count]  # noqa: E731
    start = next(s for k, s, _ in mp4facts.boxes(read, 0, len(whole)) if k == b"mdat") - 8
    return whole[:start] + struct.pack(">I4s", 0, b"mdat") + whole[start + 8 :]


@pytest.mark.parametrize("short", [1, 100])
def test_a_size_0_mdat_cut_inside_its_last_chunk_is_never_saved(
    short: int, isolated: Isolation
) -> None:
    cut = _mdat_to_the_end()[:-short]
    with raw_server(answering(UNFRAMED, cut)) as url:
        error = save(url, isolated.tmp / "v.mp4")
    assert "arrived incomplete" in error.message and error.exit_code == 5, error.message
    assert not (isolated.tmp / "v.mp4").exists()


def test_a_whole_size_0_mdat_video_is_saved(isolated: Isolation) -> None:
    whole = _mdat_to_the_end()
    with raw_server(answering(UNFRAMED, whole)) as url, Transport() as transport:
        saved = download(transport, url, isolated.tmp / "v.mp4", clock=FakeClock())
    assert saved.path.read_bytes() == whole


# -- L5: what is said when a saved file was changed since -------------------------------------


def _saved_then_changed(isolated: Isolation) -> tuple[str, Path]:
    """A job saved to out/ID.mp4, which the user then overwrote."""
    job = invoke(["talk", "https://e.com/a.jpg", "https://e.com/a.mp3"]).stdout.strip()
    out = isolated.tmp / "out"
    invoke(["watch", job, "-o", f"{out}/"])
    saved = out / f"{job}.mp4"
    saved.write_text("mine\n")
    return job, saved


def test_watch_of_a_changed_file_says_it_keeps_it(api_env: Sandbox, isolated: Isolation) -> None:
    job, saved = _saved_then_changed(isolated)
    refused = invoke(["watch", job], expect=2)
    assert "has changed since" in refused.stderr and "nothing was downloaded" in refused.stderr
    assert "downloading it again" not in refused.stderr and "--force" in refused.stderr
    assert saved.read_text() == "mine\n"
    replaced = invoke(["watch", job, "--force"])
    assert "replacing it (--force); downloading it again" in replaced.stderr
    assert saved.read_bytes()[4:8] == b"ftyp"


def test_sync_of_a_changed_file_says_it_changed_not_that_it_appeared(
    api_env: Sandbox, isolated: Isolation
) -> None:
    _, saved = _saved_then_changed(isolated)
    done = invoke(["sync", "-o", f"{saved.parent}/"], expect=6)
    assert f"{saved} has changed since akool saved it: it is kept" in done.stderr
    assert "appeared while" not in done.stderr and saved.read_text() == "mine\n"


# -- L9: `akool login` says where the key goes when the base URL is not typed on the line -------


def test_login_on_a_terminal_names_a_base_url_from_the_environment_before_the_prompt(
    listener: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    from tests.support import runner

    seen: list[str] = []

    def prompt(text: str) -> str:  # what is on the screen when the key is asked for
        seen.append(text)
        return SANDBOX_API_KEY

    monkeypatch.setattr(getpass, "getpass", prompt)
    monkeypatch.setattr(runner._Stdin, "isatty", lambda self: True)
    monkeypatch.setenv("AKOOL_BASE_URL", listener.base_url)  # left over from a sandbox session
    done = invoke(["login"])
    note = f"the key goes to {listener.base_url} (from AKOOL_BASE_URL), not to AKOOL's host"
    assert note in done.stderr.splitlines()[0] and "Logged in" in done.stderr and seen
    monkeypatch.delenv("AKOOL_BASE_URL")
    typed = invoke(["--base-url", listener.base_url, "login"])
    assert "the key goes to" not in typed.stderr  # typed on this line: where it goes is said
    monkeypatch.setattr(runner._Stdin, "isatty", lambda self: False)
    monkeypatch.setenv("AKOOL_BASE_URL", listener.base_url)
    piped = invoke(["login"], input=SANDBOX_API_KEY)  # sent at once: the success line names it
    assert "the key goes to" not in piped.stderr and listener.base_url in piped.stderr
