"""What a fresh-context break-it run of the house found: --json anywhere, POSIX-only imports,
garbage in every option, the library's rough edges. Each test drives akool as a user does."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

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
    result = invoke(["--json", "status", "--", "--json"], expect=4)  # an id AKOOL does not know
    error = _one_document(result.stdout)["error"]  # type: ignore[index]
    assert error["message"].startswith("--json: not in this history")


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
