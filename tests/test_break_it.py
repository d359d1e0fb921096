"""What a fresh-context break-it run of the house found: --json anywhere, POSIX-only imports,
garbage in every option, the library's rough edges. Each test drives akool as a user does."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import ROOT, Isolation
from tests.support.runner import invoke
from tests.test_faces import sent
from tests.test_media_uploads import presigned
from tests.test_upload import JPEG, MP3, PNG, S3, fetching, finished, moto_endpoint, s3

__all__ = ["fetching", "moto_endpoint", "s3"]  # the fixtures these tests use


def _one_document(stdout: str) -> object:
    return json.loads(stdout)  # one document: json.loads refuses a second one


@pytest.mark.parametrize(
    "argv",
    [
        ["--json", "status", "--bogus"],
        ["--json", "-q", "status", "--limit", "nope"],
        ["-q", "--json", "status", "--limit", "0"],
        ["--json", "auth", "status", "--bogus"],
        ["auth", "--json", "status", "--bogus"],
        ["--json", "config", "get", "--bogus"],
        ["--json", "nosuch"],
        ["--json"],
        ["--json", "auth"],
        ["--json", "login"],
        ["--json", "status", "--profile"],
        ["status", "--json", "--profile"],
    ],
)
def test_json_before_or_after_the_command_gives_one_document_on_failure(argv: list[str]) -> None:
    result = invoke(argv, expect=2)
    document = _one_document(result.stdout)
    assert isinstance(document, dict) and document["error"]["exit_code"] == 2
    assert len(result.stderr.splitlines()) <= 2 and result.stderr.startswith("Error: ")


def test_json_before_the_command_shapes_its_output(api_env: Sandbox) -> None:
    before = invoke(["--json", "status"]).stdout
    assert _one_document(before) == [] and before == invoke(["status", "--json"]).stdout
    assert _one_document(invoke(["--json", "credit"]).stdout) == {"credit": 1234.5}
    # A --json that is a global option's value stays that value.
    assert invoke(["--profile", "--json", "status"]).stderr.startswith("No jobs")


def test_json_before_the_command_keeps_arguments_after_a_double_dash(api_env: Sandbox) -> None:
    # "--json" reaches status as a job id: one no AKOOL job has, refused before it is sent.
    result = invoke(["--json", "status", "--", "--json"], expect=2)
    error = _one_document(result.stdout)["error"]  # type: ignore[index]
    assert error["message"].startswith("'--json' is not an AKOOL job id")


_NO_POSIX = """
import sys
class _Refuse:
    def find_spec(self, name, path=None, target=None):
        if name in ("fcntl", "termios", "pwd", "grp", "resource"):
            raise ImportError(f"No module named {name!r}")
        return None
sys.meta_path.insert(0, _Refuse())
for name in ("fcntl", "termios", "pwd", "grp", "resource"):
    sys.modules.pop(name, None)
"""


def test_akool_imports_where_fcntl_is_missing() -> None:
    """Windows has no fcntl: importing the library and the command line must not crash there
    (akool then refuses the system in one line)."""
    script = _NO_POSIX + textwrap.dedent(
        """
        import importlib, pkgutil, akool_cli
        from akool_cli import Client
        names = [m.name for m in pkgutil.walk_packages(akool_cli.__path__, "akool_cli.")]
        # mcp's own stdio module imports fcntl off Windows (not ours to change).
        skip = ("akool_cli.__main__", "akool_cli.mcpserver.server")
        for name in names:
            if name not in skip:
                importlib.import_module(name)
        from akool_cli.cli import main
        sys.platform = "win32"
        sys.exit(main(["status"]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2
    assert done.stderr.startswith("Error: akool runs on Linux and macOS (POSIX); this is Windows")


def test_status_and_watch_of_an_unknown_id_say_it_is_not_in_this_history(api_env: Sandbox) -> None:
    for command in ("status", "watch"):
        plain = invoke([command, "64dd90f9f0b6684651e90d60"], expect=4)
        assert plain.stdout == "" and "No jobs yet" not in plain.stderr
        assert plain.stderr.startswith("Error: 64dd90f9f0b6684651e90d60: not in this history")
        assert "Hint: check the id (akool status lists the jobs in this history)" in plain.stderr
        result = invoke(["--json", command, "64dd90f9f0b6684651e90d60"], expect=4)
        error = _one_document(result.stdout)["error"]  # type: ignore[index]
        assert error["exit_code"] == 4 and error["type"] == "RejectedError"
        assert [e["job_id"] for e in error["errors"]] == ["64dd90f9f0b6684651e90d60"]
        assert error["jobs"] == []


def test_status_json_of_a_known_and_an_unknown_id_is_one_document(api_env: Sandbox) -> None:
    job_id = invoke(["talk", "https://example.com/a.jpg", "https://example.com/a.mp3"]).stdout
    job_id = job_id.strip()
    result = invoke(["status", job_id, "64dd90f9f0b6684651e90d61", "--json"], expect=4)
    error = _one_document(result.stdout)["error"]  # type: ignore[index]
    assert [job["id"] for job in error["jobs"]] == [job_id]
    assert [e["job_id"] for e in error["errors"]] == ["64dd90f9f0b6684651e90d61"]


def test_every_product_method_takes_local_files_with_upload_to(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    """From Python as from the CLI: local files are uploaded first, for every product."""
    import akool_cli

    speech, photo = s3.file("speech.mp3", MP3), s3.file("photo.jpg", JPEG)
    me, us = s3.file("twofaces-me.jpg", JPEG), s3.file("twofaces-us.png", PNG)
    with akool_cli.Client() as client:
        client.voice_change("sbx-en-f-ava", str(speech), upload_to=s3.target)
        client.moderate(str(photo), upload_to=s3.target, url_ttl="2h")
        client.faceswap(str(me), str(us), upload_to=s3.target, check=True)
        client.reage(str(photo), 10, upload_to=s3.target, on_warning=lambda line: None)
    [change] = sent(fetching, contract.VOICE_CHANGE)
    [moderated] = sent(fetching, contract.MODERATE)
    detected = [body["url"] for body in sent(fetching, contract.DETECT_FACES)]
    assert presigned(change["source_voice_file"], s3) and presigned(moderated["content"], s3)
    assert len(detected) == 3 and all(presigned(url, s3) for url in detected)
    assert [state for state, _ in finished(fetching, isolated)] == [3, 3, 3, 3]


def _job(client: Any) -> str:
    return str(client.talk("https://example.com/a.jpg", "https://example.com/a.mp3").id)


def test_follow_takes_one_id_as_a_str(api_env: Sandbox, isolated: Isolation) -> None:
    import akool_cli

    with akool_cli.Client() as client:
        job_id = _job(client)
        isolated.clock.advance(60)
        result = client.follow(job_id, interval="1s", timeout="10m")
        assert list(result.jobs) == [job_id] and result.jobs[job_id].done
        assert [job.id for job in client.statuses(job_id).jobs] == [job_id]
        with pytest.raises(akool_cli.UsageError, match="is not a job id"):
            client.follow([job_id, 42])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda c: c.wait("64dd90f9f0b6684651e90d60", interval=[1]), "takes interval as"),
        (lambda c: c.wait("64dd90f9f0b6684651e90d60", timeout="10 fortnights"), "not a duration"),
        (lambda c: c.status(123), "takes job_id as text"),
        (lambda c: c.speak("Hi", "sbx-en-f-ava", timeout="ten minutes"), "timeout='ten"),
        (lambda c: c.speak(None, "sbx-en-f-ava"), "takes text as text"),
        (lambda c: c.sync(ROOT / "pyproject.toml"), "is a file"),
        (lambda c: c.sync(ROOT / "pyproject.toml" / "sub"), "inside the file"),
        (lambda c: c.download("64dd90f9f0b6684651e90d60", "x" * 5000), "File name too long"),
    ],
)
def test_the_library_raises_its_own_errors_on_bad_input(
    api_env: Sandbox, isolated: Isolation, call: Any, fragment: str
) -> None:
    import akool_cli

    with akool_cli.Client() as client:
        _job(client)
        isolated.clock.advance(60)
        with pytest.raises(akool_cli.UsageError) as refused:
            call(client)
    assert fragment in refused.value.message and refused.value.hint


def test_batch_concurrency_as_a_str_is_a_usage_error(api_env: Sandbox, isolated: Isolation) -> None:
    import akool_cli

    rows = isolated.tmp / "rows.csv"
    rows.write_text("image_url,audio_url\nhttps://e.x/a.jpg,https://e.x/a.mp3\n")
    with akool_cli.Client() as client:
        plan = client.batch_plan(rows)
        with pytest.raises(akool_cli.UsageError, match="takes concurrency as a whole number"):
            client.batch(plan, concurrency="4")  # type: ignore[arg-type]
        with pytest.raises(akool_cli.UsageError, match="interval='soon'"):  # not --interval
            client.batch(plan, interval="soon")
    assert api_env.state.jobs == {}  # nothing was created


def test_a_closed_client_says_so(api_env: Sandbox) -> None:
    import akool_cli

    client = akool_cli.Client()
    client.close()
    for use in (client.credit, lambda: client.jobs(), lambda: client.status("a" * 24)):
        with pytest.raises(akool_cli.UsageError, match="this akool Client is closed"):
            use()


def test_dir_of_the_package_shows_its_public_names() -> None:
    import akool_cli

    akool_cli.Client  # noqa: B018 (loads the client modules)
    assert dir(akool_cli) == sorted(akool_cli.__all__)


@pytest.mark.parametrize("name", ["", "  ", "a\tb"])
def test_a_blank_profile_name_is_refused_in_one_line(name: str) -> None:
    import akool_cli

    for argv in (["--profile", name, "status"], ["status", "--profile", name, "--json"]):
        result = invoke(argv, expect=2)
        assert result.stderr.startswith("Error: --profile ") and "a profile needs a name" in (
            result.stderr
        )
    with pytest.raises(akool_cli.UsageError, match="a profile needs a name"):
        akool_cli.Client(profile=name)


def test_downloads_are_reported_by_absolute_path(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(isolated.tmp)
    job_id = invoke(["talk", "https://e.x/a.jpg", "https://e.x/a.mp3"]).stdout.strip()
    isolated.clock.advance(60)
    synced = _one_document(invoke(["sync", "-o", "saved", "--json"]).stdout)
    [saved] = synced["saved"]  # type: ignore[index]
    assert saved["path"] == str(isolated.tmp / "saved" / f"{job_id}.mp4")
    rows = isolated.tmp / "rows.csv"
    rows.write_text("image_url,audio_url\nhttps://e.x/b.jpg,https://e.x/b.mp3\n")
    batch = invoke(["batch", "rows.csv", "-o", "out", "--json", "--interval", "0.1"], expect=None)
    assert str(isolated.tmp / "out") in batch.stdout and '"out/' not in batch.stdout


def test_sync_into_a_file_is_one_clear_error(api_env: Sandbox, isolated: Isolation) -> None:
    invoke(["talk", "https://e.x/a.jpg", "https://e.x/a.mp3"])
    isolated.clock.advance(60)
    a_file = isolated.tmp / "a-file"
    a_file.write_text("not a folder")
    for target in (a_file, a_file / "sub"):
        result = invoke(["sync", "-o", str(target)], expect=2)
        assert result.stderr.startswith(f"Error: the folder {target} ")
    assert a_file.read_text() == "not a folder"


@pytest.mark.parametrize(
    "argv",
    [
        ["config", "set", "upload-to", "https://[::1"],
        ["translate", "https://e.x/a.mp4", "--to", ""],
        ["lipsync", "https://e.x/a.mp4", "https://e.x/a.mp3", "--upload-to", "https://[::1"],
        ["watch", "64dd90f9f0b6684651e90d60", "-o", "x" * 5000],
        ["watch", "64dd90f9f0b6684651e90d60", "--interval", "1 fortnight"],
        ["sandbox", "--latency", "-1s"],
        ["sandbox", "--processing-seconds", "soon"],
        ["mcp", "--poll", "0"],
    ],
)
def test_garbage_the_break_it_run_found_is_one_clear_line(
    api_env: Sandbox, argv: list[str]
) -> None:
    result = invoke(argv, expect=2)
    assert result.stderr.startswith("Error: ") and "unexpected" not in result.stderr
    assert len(result.stderr.splitlines()) == 2 and max(map(len, result.stderr.splitlines())) < 400


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.make(None, {}),
        lambda c: c.make("lipsync", None),
        lambda c: c.moderate(None),
        lambda c: c.translate("https://e.x/a.mp4", to=5),
        lambda c: c.headswap("https://e.x/a.mp4", 5),
        lambda c: c.set_setting(None, "s3://b/p/"),
        lambda c: c.sync(None),
        lambda c: c.upload(None, "image"),
        lambda c: c.batch_plan(None),
        lambda c: c.talking_avatar(None, "https://e.x/a.mp3"),
        lambda c: c.targets("videos/", 5),
    ],
)
def test_wrong_types_from_python_are_usage_errors(api_env: Sandbox, call: Any) -> None:
    import akool_cli

    with akool_cli.Client() as client, pytest.raises(akool_cli.UsageError) as refused:
        call(client)
    assert refused.value.hint
    assert api_env.state.jobs == {}
