"""Local files uploaded to an S3-compatible bucket (moto's real server on loopback) and fetched by
the sandbox with --fetch-inputs; the AWS environment honoured; the history of uploads."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from akool_cli.core import redact
from akool_cli.sandbox import Sandbox
from akool_cli.store.journal import Journal, Uploads
from tests.conftest import ROOT, Isolation
from tests.support.fetching import fetching_sandbox
from tests.support.runner import invoke
from tests.test_json_shapes import shape

PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)
JPEG = b"\xff\xd8\xff\xe0" + bytes(300)
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" + bytes(400)
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(100)


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    """moto's S3-compatible server on a free loopback port, shared by this module's tests."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@dataclass
class S3:
    endpoint: str
    bucket: str
    tmp: Path

    @property
    def target(self) -> str:
        return f"s3://{self.bucket}/inputs/"

    def client(self, **kwargs: Any) -> Any:
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1", **kwargs)

    def object_keys(self) -> list[str]:
        answer = self.client().list_objects_v2(Bucket=self.bucket)
        return sorted(o["Key"] for o in answer.get("Contents", []))

    def file(self, name: str, data: bytes) -> Path:
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


def aws_env(monkeypatch: pytest.MonkeyPatch, tmp: Path) -> None:
    """No AWS setting from the machine running the tests; no instance metadata lookups."""
    import os

    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp / "aws" / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp / "aws" / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


def aws_keys(monkeypatch: pytest.MonkeyPatch, tmp: Path, endpoint: str | None = None) -> None:
    """aws_env, with keys and a region from the environment, as in a CI job (and the store)."""
    aws_env(monkeypatch, tmp)
    if endpoint is not None:
        monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENTKEY01")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "environment-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


@pytest.fixture
def s3(moto_endpoint: str, isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> S3:
    """A fresh bucket; AWS settings from the environment only, as in a CI job."""
    aws_keys(monkeypatch, isolated.tmp, moto_endpoint)
    world = S3(moto_endpoint, f"akool-{uuid.uuid4().hex[:12]}", isolated.tmp / "files")
    world.client().create_bucket(Bucket=world.bucket)
    return world


@pytest.fixture
def fetching(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """The sandbox fetching inputs like AKOOL, with akool pointed at it and its checks on."""
    monkeypatch.delenv("AKOOL_NO_CHECK")
    with fetching_sandbox(isolated.clock, monkeypatch) as server:
        yield server


def finished(sandbox: Sandbox, isolated: Isolation) -> list[Any]:
    isolated.clock.advance(60)
    return [(sandbox.state.status(job), job.failure) for job in sandbox.state.jobs.values()]


def uploads(isolated: Isolation) -> list[Any]:
    with Journal(isolated.home / "jobs.sqlite3") as journal:
        return Uploads(journal).all()


def test_talk_uploads_local_files_and_the_sandbox_fetches_them(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    image, audio = s3.file("me.png", PNG), s3.file("hello.mp3", MP3)
    result = invoke(["talk", str(image), str(audio), "--upload-to", s3.target])
    job_id = result.stdout.strip()
    assert result.stdout == job_id + "\n"
    keys = s3.object_keys()
    assert len(keys) == 2 and all(k.startswith("inputs/") for k in keys)
    assert any(k.endswith("/me.png") for k in keys) and any(k.endswith("/hello.mp3") for k in keys)
    sent = fetching.state.jobs[job_id].request
    for field in ("talking_photo_url", "audio_url"):
        url = sent[field]
        assert url.startswith(s3.endpoint + f"/{s3.bucket}/inputs/")
        assert "X-Amz-Signature" in parse_qs(urlsplit(url).query)
        assert parse_qs(urlsplit(url).query)["X-Amz-Expires"] == ["86400"]  # the default 24 h
    assert finished(fetching, isolated) == [(3, "")]
    records = uploads(isolated)
    assert {Path(r.local_path).name for r in records} == {"me.png", "hello.mp3"}
    for record in records:
        assert record.size == Path(record.local_path).stat().st_size and len(record.sha256) == 64
        assert record.key == f"inputs/{record.sha256[:16]}/{Path(record.local_path).name}"
        # The history keeps the URL without its signing parts (see test_presigned_urls_...).
        assert record.url in {redact.signed(url) for url in sent.values()}
    assert "uploading me.png" in result.stderr


def test_the_same_content_is_uploaded_once(
    s3: S3, fetching: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    image, audio = s3.file("me.png", PNG), s3.file("hello.mp3", MP3)
    monkeypatch.setenv("AKOOL_UPLOAD_TO", s3.target)
    invoke(["talk", str(image), str(audio)])
    stamps = {k: s3.client().head_object(Bucket=s3.bucket, Key=k)["ETag"] for k in s3.object_keys()}
    again = invoke(["talk", str(image), str(audio), "--url-ttl", "2h"])
    assert "uploading" not in again.stderr and "uploaded earlier" in again.stderr
    # Another machine (no history): the bucket already has the objects, so HEAD says skip.
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "other-home"))
    third = invoke(["talk", str(image), str(audio)])
    assert "uploading" not in third.stderr and "already in the bucket" in third.stderr
    assert {
        k: s3.client().head_object(Bucket=s3.bucket, Key=k)["ETag"] for k in s3.object_keys()
    } == stamps
    assert len(fetching.state.jobs) == 3
    last = max(fetching.state.jobs.values(), key=lambda j: j.created_wall)
    urls = [j.request["audio_url"] for j in fetching.state.jobs.values()]
    assert "X-Amz-Expires=7200" in urls[1] and urls[0] != urls[1]
    assert last.failure == ""


def test_files_that_are_not_image_or_audio_are_refused_before_upload(
    s3: S3, fetching: Sandbox
) -> None:
    text = s3.file("portrait.jpg", b"this is not a picture\n")
    wav = s3.file("voice.wav", WAV)
    notes = s3.file("notes.mp3", b"meeting notes\n")
    result = invoke(["talk", str(text), str(notes), "--upload-to", s3.target], expect=2)
    error = result.stderr.splitlines()[0]
    assert "2 input problems" in error and "it is text" in error
    assert "JPEG, PNG or WebP" in error and "MP3, WAV" in error
    swapped = invoke(
        ["talk", str(wav), str(s3.file("p.png", PNG)), "--upload-to", s3.target], expect=2
    )
    assert "WAV audio, not an image" in swapped.stderr and "PNG image, not audio" in swapped.stderr
    missing = invoke(
        ["talk", str(s3.tmp / "nope.jpg"), str(wav), "--upload-to", s3.target], expect=2
    )
    assert "does not exist" in missing.stderr
    assert s3.object_keys() == [] and fetching.state.received == []


def test_a_local_file_without_a_bucket_is_refused_with_the_way_to_upload(
    fetching: Sandbox, isolated: Isolation
) -> None:
    image = isolated.tmp / "me.png"
    image.write_bytes(PNG)
    result = invoke(["talk", str(image), str(isolated.tmp / "missing.mp3")], expect=2)
    assert "2 input problems" in result.stderr and "no upload endpoint" in result.stderr
    assert "missing.mp3 does not exist" in result.stderr
    assert "--upload-to s3://" in result.stderr.split("Hint:")[1]
    assert fetching.state.received == []


def test_missing_boto3_names_the_extra(
    fetching: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = isolated.tmp / "me.png"
    image.write_bytes(PNG)
    monkeypatch.setitem(sys.modules, "boto3", None)  # as if it were not installed
    result = invoke(
        ["talk", str(image), "https://e.com/a.mp3", "--upload-to", "s3://b-1/x/"], expect=2
    )
    assert "Hint: pip install boto3 (" in result.stderr and "'.[s3]' in a checkout" in result.stderr
    assert fetching.state.received == []


def test_config_saves_upload_to_per_profile(
    s3: S3, fetching: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke(["config", "get", "upload-to"]).stdout == ""  # not set: nothing, exit 0
    bad = invoke(["config", "set", "upload-to", "https://bucket/x"], expect=2)
    assert "s3://BUCKET/PREFIX/" in bad.stderr
    invoke(["config", "set", "upload-to", f"s3://{s3.bucket}/saved"])
    assert invoke(["config", "get", "upload-to"]).stdout == f"s3://{s3.bucket}/saved/\n"
    assert invoke(["--profile", "other", "config", "get", "upload-to"]).stdout == ""
    listed = json.loads(invoke(["config", "list", "--json"]).stdout)
    assert listed == {"base-url": None, "upload-to": f"s3://{s3.bucket}/saved/"}
    assert list(listed) == shape("`akool config list")
    invoke(["talk", str(s3.file("a.png", PNG)), str(s3.file("a.mp3", MP3))])
    assert all(k.startswith("saved/") for k in s3.object_keys()) and len(s3.object_keys()) == 2
    # The environment beats the saved value, and the flag beats both.
    monkeypatch.setenv("AKOOL_UPLOAD_TO", f"s3://{s3.bucket}/env/")
    invoke(["talk", str(s3.file("b.png", JPEG)), "https://e.com/b.mp3", "--no-check"])
    invoke(
        [
            "talk",
            str(s3.file("c.png", JPEG)),
            str(s3.file("c.mp3", MP3)),
            "--upload-to",
            f"s3://{s3.bucket}/flag",
        ]
    )
    prefixes = {k.split("/")[0] for k in s3.object_keys()}
    assert prefixes == {"saved", "env", "flag"}
    invoke(["config", "unset", "upload-to"])
    assert invoke(["config", "get", "upload-to"]).stdout == ""  # not set: nothing, exit 0
    unknown = invoke(["config", "set", "colour", "blue"], expect=2)
    assert "upload-to" in unknown.stderr


def test_aws_endpoint_url_s3_wins_over_aws_endpoint_url(
    s3: S3, fetching: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", s3.endpoint)
    invoke(
        ["talk", str(s3.file("a.png", PNG)), str(s3.file("a.mp3", MP3)), "--upload-to", s3.target]
    )
    assert len(s3.object_keys()) == 2
    monkeypatch.delenv("AWS_ENDPOINT_URL_S3")
    failed = invoke(
        ["talk", str(s3.file("b.png", JPEG)), str(s3.file("a.mp3", MP3)), "--upload-to", s3.target],
        expect=5,
    )
    assert "127.0.0.1:9" in failed.stderr and "AWS_ENDPOINT_URL" in failed.stderr


@pytest.mark.parametrize("where", ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "config"])
def test_a_password_in_the_store_endpoint_is_refused_never_stored_nor_sent(
    s3: S3, fetching: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """break17k K2: http://user:pass@host as the store's endpoint: exit 2 naming where it came
    from, the password nowhere (not on screen, not in the history, not sent to AKOOL)."""
    endpoint = s3.endpoint.replace("://", "://admin:hunter2secret@")
    if where == "config":
        monkeypatch.delenv("AWS_ENDPOINT_URL")
        (isolated.tmp / "aws").mkdir(exist_ok=True)
        (isolated.tmp / "aws" / "config").write_text(f"[default]\nendpoint_url = {endpoint}\n")
    else:
        monkeypatch.setenv(where, endpoint)
    args = ["talk", str(s3.file("a.png", PNG)), str(s3.file("a.mp3", MP3)), "--upload-to"]
    result = invoke([*args, s3.target], expect=2)
    origin = "the S3 endpoint" if where == "config" else where
    assert f"Error: {origin} 'http://***@127.0.0.1:" in result.stderr
    assert "user name or password" in result.stderr and "AWS_ACCESS_KEY_ID" in result.stderr
    assert "hunter2secret" not in result.stdout + result.stderr
    assert fetching.state.jobs == {} and s3.object_keys() == [] and uploads(isolated) == []
    assert b"hunter2secret" not in (isolated.home / "jobs.sqlite3").read_bytes()


def test_aws_profile_from_the_config_files_is_used(
    s3: S3, fetching: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    aws_env(monkeypatch, isolated.tmp)  # no keys, no endpoint in the environment
    folder = isolated.tmp / "aws"
    folder.mkdir(exist_ok=True)
    (folder / "config").write_text(
        f"[profile media]\nregion = eu-west-1\nendpoint_url = {s3.endpoint}\n"
    )
    (folder / "credentials").write_text(
        "[media]\naws_access_key_id = AKIAPROFILEKEY000001\naws_secret_access_key = s3cret\n"
    )
    monkeypatch.setenv("AWS_PROFILE", "media")
    args = ["talk", str(s3.file("a.png", PNG)), str(s3.file("a.mp3", MP3)), "--upload-to"]
    job_id = invoke([*args, s3.target]).stdout.strip()
    url = fetching.state.jobs[job_id].request["talking_photo_url"]
    credential = parse_qs(urlsplit(url).query)["X-Amz-Credential"][0]
    assert credential.startswith("AKIAPROFILEKEY000001/") and "/eu-west-1/s3/" in credential
    monkeypatch.setenv("AWS_PROFILE", "nobody")
    wrong = invoke([*args, s3.target], expect=2)
    assert "'nobody' does not exist" in wrong.stderr


def test_keys_from_the_environment_sign_the_urls_and_none_is_an_auth_error(
    s3: S3, fetching: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["talk", str(s3.file("a.png", PNG)), str(s3.file("a.mp3", MP3)), "--upload-to"]
    job_id = invoke([*args, s3.target]).stdout.strip()
    url = fetching.state.jobs[job_id].request["audio_url"]
    assert "AKIAENVIRONMENTKEY01" in parse_qs(urlsplit(url).query)["X-Amz-Credential"][0]
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    monkeypatch.setenv("AKOOL_HOME", str(s3.tmp / "fresh-home"))  # no history to lean on
    other = ["talk", str(s3.file("b.png", JPEG)), str(s3.file("a.mp3", MP3)), "--upload-to"]
    result = invoke([*other, s3.target], expect=3)
    assert "no AWS credentials" in result.stderr and "AWS_PROFILE" in result.stderr
    assert "environment-secret" not in result.stderr
    assert len(fetching.state.jobs) == 1


def test_a_bucket_that_does_not_exist_is_named(s3: S3, fetching: Sandbox) -> None:
    args = ["talk", str(s3.file("a.png", PNG)), str(s3.file("a.mp3", MP3)), "--upload-to"]
    result = invoke([*args, "s3://no-such-bucket-here/x/"], expect=2)
    assert "the bucket no-such-bucket-here does not exist" in result.stderr
    assert fetching.state.received == []


@pytest.mark.parametrize("change", ["deleted", "replaced"])
def test_an_object_uploaded_earlier_then_deleted_or_replaced_is_uploaded_again(
    change: str, s3: S3, fetching: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 17 (break17b L7): another writer of a shared bucket deleted it, or replaced it with
    # bytes of the same size: the history's word is not taken for what the bucket holds.
    image, audio = s3.file("me.png", PNG), s3.file("hello.mp3", MP3)
    monkeypatch.setenv("AKOOL_UPLOAD_TO", s3.target)
    invoke(["talk", str(image), str(audio)])
    key = next(k for k in s3.object_keys() if k.endswith("/me.png"))
    if change == "deleted":
        s3.client().delete_object(Bucket=s3.bucket, Key=key)
    else:
        s3.client().put_object(Bucket=s3.bucket, Key=key, Body=PNG[:-1] + b"\x01")
    again = invoke(["talk", str(image), str(audio)])
    assert (
        "me.png: the object uploaded earlier was replaced or deleted in the bucket since; "
        "uploading it again" in again.stderr
    )
    assert "hello.mp3: uploaded earlier (in the history), not uploaded again" in again.stderr
    assert s3.client().get_object(Bucket=s3.bucket, Key=key)["Body"].read() == PNG
    assert [job.failure for job in fetching.state.jobs.values()] == ["", ""]


def test_the_sandbox_fails_a_job_whose_input_is_not_media(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    client = s3.client()
    client.put_object(Bucket=s3.bucket, Key="page.jpg", Body=b"<html>share</html>")
    page = client.generate_presigned_url(
        "get_object", Params={"Bucket": s3.bucket, "Key": "page.jpg"}
    )
    job_id = invoke(["talk", page, "https://e.com/a.mp3", "--no-check"]).stdout.strip()
    [(status, reason)] = finished(fetching, isolated)
    assert status == 4 and "an HTML or XML page" in reason and "only from this machine" in reason
    shown = invoke(["status", job_id, "--json"]).stdout
    assert "HTML or XML page" in json.loads(shown)[0]["error"]


def test_batch_with_relative_paths_uploads_each_file_once_and_resumes_without_uploading(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    s3.file("campaign/faces/anna.png", PNG)
    s3.file("campaign/voice/intro.mp3", MP3)
    s3.file("campaign/voice/outro.mp3", MP3 + b"\x01")
    csv = s3.file(
        "campaign/jobs.csv",
        (
            b"id,image_url,audio_url\n"
            b"a,faces/anna.png,voice/intro.mp3\n"
            b"b,faces/anna.png,voice/outro.mp3\n"
            b"c,./faces/anna.png,voice/intro.mp3\n"
        ),
    )
    dry = invoke(["batch", str(csv), "--upload-to", s3.target, "--dry-run", "--json"])
    plan = json.loads(dry.stdout)
    assert list(plan) == shape("`akool batch --dry-run") and all(
        list(u) == shape("planned upload") for u in plan["uploads"]
    )
    assert sorted((Path(u["path"]).name, u["size"]) for u in plan["uploads"]) == [
        ("anna.png", len(PNG)),
        ("intro.mp3", len(MP3)),
        ("outro.mp3", len(MP3) + 1),
    ]
    assert "upload to s3://" in dry.stderr and "(208 B)" in dry.stderr
    assert s3.object_keys() == [] and fetching.state.received == []
    result = invoke(["batch", str(csv), "--upload-to", s3.target, "--json", "--interval", "1"])
    assert json.loads(result.stdout)["done"] == 3
    assert result.stderr.count("uploading ") == 3 and len(s3.object_keys()) == 3
    assert all(failure == "" for _status, failure in finished(fetching, isolated))
    again = invoke(["batch", str(csv), "--upload-to", s3.target, "--json", "--interval", "1"])
    assert "uploading" not in again.stderr and len(fetching.state.jobs) == 3
    assert all(r["resumed"] for r in json.loads(again.stdout)["results"])


def test_batch_reports_missing_files_with_row_numbers(s3: S3, fetching: Sandbox) -> None:
    s3.file("b/anna.png", PNG)
    csv = s3.file(
        "b/jobs.csv",
        b"image_url,audio_url\nanna.png,https://e.com/a.mp3\nghost.png,https://e.com/a.mp3\n"
        b"anna.png,missing.mp3\n",
    )
    result = invoke(["batch", str(csv), "--upload-to", s3.target], expect=2)
    assert "row 3: the image" in result.stderr and "ghost.png does not exist" in result.stderr
    assert "row 4: the audio" in result.stderr and "missing.mp3 does not exist" in result.stderr
    assert "row 2" not in result.stderr
    assert s3.object_keys() == [] and fetching.state.received == []


def test_commands_that_upload_nothing_never_import_boto3(isolated: Isolation) -> None:
    code = (
        "import sys; from akool_cli.cli import main; "
        "main(['talk', 'https://e.com/a.jpg', 'https://e.com/a.mp3', '--help']); "
        "main(['config', 'list']); print('boto3' in sys.modules, 'botocore' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip().endswith("False False"), done.stdout


def test_presigned_urls_never_show_their_signature(
    s3: S3, fetching: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--debug, --json, the history and status show the presigned inputs without signing parts."""
    monkeypatch.setenv("AWS_SESSION_TOKEN", "IQoJb3JpZ2luSESSIONTOKEN0123")
    image, audio = s3.file("me.png", PNG), s3.file("hello.mp3", MP3)
    captured: list[str] = []
    for argv in (
        ["--debug", "talk", str(image), str(audio), "--upload-to", s3.target, "--json"],
        ["talk", str(image), str(audio), "--upload-to", s3.target, "--json", "--wait"],
    ):
        result = invoke(argv)
        captured += [result.stdout, result.stderr]
    isolated.clock.advance(60)
    for argv in (["status", "--json"], ["status"], ["--debug", "status", "--json"]):
        result = invoke(argv)
        captured += [result.stdout, result.stderr]
    signing = set()
    for job in fetching.state.jobs.values():
        for field in ("talking_photo_url", "audio_url"):
            query = parse_qs(urlsplit(job.request[field]).query)
            for name in ("X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token"):
                signing.add(query[name][0])
    assert len(signing) >= 3 and "IQoJb3JpZ2luSESSIONTOKEN0123" in signing
    shown = "\n".join(captured)
    assert "X-Amz-Signature=…" in shown and "X-Amz-Credential=…" in shown  # masked, not dropped
    assert "AKIAENVIRONMENTKEY01" not in shown
    files = b"".join(p.read_bytes() for p in isolated.home.rglob("*") if p.is_file())
    for value in signing:
        assert value not in shown
        assert value.encode() not in files
    assert b"AKIAENVIRONMENTKEY01" not in files


def test_a_short_url_ttl_warns_that_akool_may_fetch_after_it_expires(
    s3: S3, fetching: Sandbox
) -> None:
    image, audio = s3.file("me.png", PNG), s3.file("hello.mp3", MP3)
    result = invoke(["talk", str(image), str(audio), "--upload-to", s3.target, "--url-ttl", "1m"])
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "--url-ttl 1 min" in warnings[0]
    assert "AKOOL may fetch the inputs later" in warnings[0] and "1h or more" in warnings[0]
    assert result.stdout.strip() in fetching.state.jobs  # a warning: the job is made
    calm = invoke(["talk", str(image), str(audio), "--upload-to", s3.target, "--url-ttl", "1h"])
    assert "Warning:" not in calm.stderr


def test_the_python_docs_local_files_and_speech_run(
    s3: S3,
    fetching: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """docs/python.md's "Local files and speech" as a user's program runs it: files uploaded to
    the bucket (moto) once, the sandbox fetching the presigned URLs as AKOOL would, the speech
    made from text, the video downloaded."""
    import re

    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    code = str(re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)[1])
    assert 'BUCKET = "s3://my-bucket/akool-inputs/"' in code
    code = code.replace("s3://my-bucket/akool-inputs/", s3.target)  # this test's bucket
    monkeypatch.chdir(isolated.tmp)
    (isolated.tmp / "me.png").write_bytes(PNG)
    (isolated.tmp / "hello.wav").write_bytes(WAV)
    exec(compile(code, "docs/python.md", "exec"), {})
    printed = capsys.readouterr().out
    [video] = list((isolated.tmp / "videos").iterdir())
    assert video.read_bytes()[4:8] == b"ftyp" and f"saved {video}" in printed
    keys = s3.object_keys()  # me.png uploaded once for both jobs
    assert len(keys) == 2 and {k.rsplit("/", 1)[1] for k in keys} == {"me.png", "hello.wav"}
    [spoken] = fetching.state.speech.values()
    assert spoken.request["input_text"] == "Hello from akool!"
    assert spoken.request["voice_options"] == {"speed": 1.1}
    made = list(fetching.state.jobs.values())
    assert len(made) == 2 and all(
        j.request["talking_photo_url"].startswith(s3.endpoint) for j in made
    )
    isolated.clock.advance(60)
    assert [j.failure for j in made] == ["", ""]  # the sandbox fetched every input


# -- the bytes hashed are the bytes uploaded (issue 17) ------------------------------------------


def test_a_file_changed_in_place_with_its_mtime_put_back_is_uploaded_again(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    import os

    image, audio = s3.file("me.png", PNG), s3.file("hello.mp3", MP3)
    invoke(["talk", str(image), str(audio), "--upload-to", s3.target])
    before = os.stat(image)
    changed = PNG[:-4] + b"\x01\x02\x03\x04"  # same size, other content
    image.write_bytes(changed)
    os.utime(image, ns=(before.st_atime_ns, before.st_mtime_ns))  # its time put back
    assert os.stat(image).st_mtime_ns == before.st_mtime_ns
    again = invoke(["talk", str(image), str(audio), "--upload-to", s3.target])
    assert "uploading me.png" in again.stderr
    sent = fetching.state.jobs[again.stdout.strip()].request["talking_photo_url"]
    key = urlsplit(sent).path.split(f"/{s3.bucket}/", 1)[1]
    body = s3.client().get_object(Bucket=s3.bucket, Key=key)["Body"].read()
    assert body == changed and len(s3.object_keys()) == 3


def test_a_file_replaced_between_hashing_and_upload_is_sent_as_hashed(
    s3: S3, fetching: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program renames a new file onto the path once akool has hashed it: akool sends
    the file it opened and hashed, under that content's key, not whatever the path names now."""
    import hashlib
    import os

    from akool_cli.inputs.upload import S3Store

    image, audio = s3.file("me.png", PNG), s3.file("hello.mp3", MP3)
    put = S3Store.put

    def replaced_first(self: S3Store, file: Any, *args: Any) -> None:
        if file.path == image:
            other = image.with_name("other.png")
            other.write_bytes(PNG[:-1] + b"\x07")
            os.replace(other, image)
        put(self, file, *args)

    monkeypatch.setattr(S3Store, "put", replaced_first)
    done = invoke(["talk", str(image), str(audio), "--upload-to", s3.target])
    sent = fetching.state.jobs[done.stdout.strip()].request["talking_photo_url"]
    key = urlsplit(sent).path.split(f"/{s3.bucket}/", 1)[1]
    body = s3.client().get_object(Bucket=s3.bucket, Key=key)["Body"].read()
    assert body == PNG and key.split("/")[1] == hashlib.sha256(PNG).hexdigest()[:16]


def test_a_file_changed_in_place_during_its_upload_is_refused_not_sent(
    s3: S3, fetching: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written in place (same file, same size) after akool hashed it: the bucket's copy is not
    what was hashed; akool finds it out after the upload (size and checksum), removes the object
    and creates nothing."""
    from akool_cli.inputs.upload import S3Store

    image, audio = s3.file("me.png", PNG), s3.file("hello.mp3", MP3)
    put = S3Store.put

    def written_meanwhile(self: S3Store, file: Any, *args: Any) -> None:
        if file.path == image:
            with image.open("r+b") as handle:
                handle.seek(len(PNG) - 1)
                handle.write(b"\x09")
        put(self, file, *args)

    monkeypatch.setattr(S3Store, "put", written_meanwhile)
    refused = invoke(["talk", str(image), str(audio), "--upload-to", s3.target], expect=2)
    assert "changed while akool uploaded it" in refused.stderr and "Hint:" in refused.stderr
    assert not fetching.state.jobs
    assert not any(k.endswith("/me.png") for k in s3.object_keys())
    assert not [u for u in uploads(isolated) if u.local_path == str(image)]
