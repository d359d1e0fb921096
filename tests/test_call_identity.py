"""What makes two creates the same: the inputs as given, all but a presigned URL's signing
parameters (break17d N1, issue 17).

An MCP call within the hour and an unknown outcome's guard once took their identity from the
inputs as recorded, credential-like query values masked: `?token=alice` and `?token=bob` were one
call (the second call got the first one's video) and one request (the second was refused while
the first was in doubt). Each test fails before the fix.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from mcp.client.session import ClientSession

from akool_cli.sandbox import Sandbox
from akool_cli.store import requests
from akool_cli.store.journal import SCHEMA_VERSION
from tests.conftest import Isolation
from tests.test_mcp import call, serve
from tests.test_same_request_any_path import AUDIO, akool, creates, killed_mid_create, slow

__all__ = ["slow"]  # the fixture, used by name

ALICE = "https://cdn.example.com/render?token=alice123"
BOB = "https://cdn.example.com/render?token=bob123"
KEYED = ("https://cdn.example.com/render?key=alice456", "https://cdn.example.com/render?key=bob456")


def presigned(date: str, signature: str) -> str:
    """One S3 object presigned at `date` (the signing parameters differ each signing)."""
    return (
        "https://bucket.s3.amazonaws.com/uploads/face.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential=AKIA%2F{date}%2Fus-east-1&X-Amz-Date={date}T000000Z"
        f"&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature={signature}"
    )


def history(home: Path) -> bytes:
    """Everything the history holds on disk (its file and write-ahead log)."""
    return b"".join(p.read_bytes() for p in home.glob("jobs.sqlite3*"))


def test_mcp_calls_differing_only_in_a_masked_query_value_are_two_calls(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    async def body(session: ClientSession) -> None:
        made = [await call(session, "talk", image_url=url, audio_url=AUDIO) for url in (ALICE, BOB)]
        assert made[0]["job_id"] != made[1]["job_id"], made
        assert [m["repeated_call"] for m in made] == [False, False]
        keyed = [await call(session, "talk", image_url=u, audio_url=AUDIO) for u in KEYED]
        assert keyed[0]["job_id"] != keyed[1]["job_id"], keyed
        # One object presigned twice is one input: the same call, its job.
        first = await call(
            session, "talk", image_url=presigned("20261205", "aa11aa11aa11aa11"), audio_url=AUDIO
        )
        again = await call(
            session, "talk", image_url=presigned("20261206", "bb22bb22bb22bb22"), audio_url=AUDIO
        )
        assert again["job_id"] == first["job_id"] and again["repeated_call"] is True
        other = await call(
            session, "talk", image_url=ALICE.replace("render", "r2"), audio_url=AUDIO
        )
        assert other["repeated_call"] is False

    stderr = serve(isolated, sandbox, body)
    assert "Traceback" not in stderr
    stored = history(isolated.home)
    for secret in (b"alice123", b"bob123", b"alice456", b"aa11aa11aa11aa11", b"bb22bb22bb22bb22"):
        assert secret not in stored, secret


def test_an_unknown_create_does_not_block_one_differing_in_a_masked_value(
    isolated: Isolation, slow: Sandbox
) -> None:
    killed_mid_create(isolated, slow, "talk", ALICE, AUDIO)
    same = akool(isolated, slow, "talk", ALICE, AUDIO, "--json")
    assert same.returncode == 5 and "UnsettledAttemptError" in same.stdout, same.stderr
    other = akool(isolated, slow, "talk", BOB, AUDIO, "--json")
    assert other.returncode == 0, other.stderr
    assert creates(slow) == 2
    assert b"alice123" not in history(isolated.home) and b"bob123" not in history(isolated.home)


def test_a_presigned_input_in_doubt_blocks_the_same_object_signed_again(
    isolated: Isolation, slow: Sandbox
) -> None:
    killed_mid_create(isolated, slow, "talk", presigned("20261205", "aa11aa11aa11aa11"), AUDIO)
    again = akool(
        isolated, slow, "talk", presigned("20261206", "bb22bb22bb22bb22"), AUDIO, "--json"
    )
    assert again.returncode == 5, again.stderr
    assert json.loads(again.stdout)["error"]["type"] == "UnsettledAttemptError"
    assert creates(slow) == 1


def test_an_attempt_recorded_before_by_its_masked_inputs_still_blocks(
    isolated: Isolation, slow: Sandbox
) -> None:
    """An attempt in doubt recorded by an akool that digested the masked inputs: its rerun (and,
    over-cautiously, any input masked alike) is refused until it is settled."""
    killed_mid_create(isolated, slow, "talk", ALICE, AUDIO)
    with closing(sqlite3.connect(isolated.home / "jobs.sqlite3")) as db, db:
        [(kind, recorded)] = list(db.execute("SELECT kind, inputs FROM attempts"))
        assert "alice123" not in recorded
        db.execute("UPDATE attempts SET request = ?", (requests.digest(kind, recorded),))
    for image in (ALICE, BOB):
        refused = akool(isolated, slow, "talk", image, AUDIO, "--json")
        assert refused.returncode == 5, refused.stderr
        assert json.loads(refused.stdout)["error"]["type"] == "UnsettledAttemptError"
    assert creates(slow) == 1


SIGNINGS = {
    "s3-sigv2": (
        "https://b.s3.amazonaws.com/f.jpg?AWSAccessKeyId=AKIA1&Expires=1700000000&Signature=a%2B1",
        "https://b.s3.amazonaws.com/f.jpg?AWSAccessKeyId=AKIA2&Expires=1700009999&Signature=b%2B2",
    ),
    "gcs-v4": (
        "https://storage.googleapis.com/b/f.jpg?X-Goog-Algorithm=GOOG4&X-Goog-Date=1"
        "&X-Goog-Expires=60&X-Goog-Credential=c1&X-Goog-SignedHeaders=host&X-Goog-Signature=s1",
        "https://storage.googleapis.com/b/f.jpg?X-Goog-Algorithm=GOOG4&X-Goog-Date=2"
        "&X-Goog-Expires=60&X-Goog-Credential=c2&X-Goog-SignedHeaders=host&X-Goog-Signature=s2",
    ),
    "azure-sas": (
        "https://a.blob.core.windows.net/c/f.jpg?sv=2022-11-02&st=1&se=2&sr=b&sp=r&sig=x1",
        "https://a.blob.core.windows.net/c/f.jpg?sv=2022-11-02&st=3&se=4&sr=b&sp=r&sig=x2",
    ),
    "cloudfront": (
        "https://d1.cloudfront.net/f.jpg?Expires=1&Signature=s1&Key-Pair-Id=K1",
        "https://d1.cloudfront.net/f.jpg?Expires=2&Signature=s2&Key-Pair-Id=K1",
    ),
}
OTHERS = {
    "token": (ALICE, BOB),
    "key": KEYED,
    "another-object": (presigned("1", "a").replace("face", "hand"), presigned("1", "a")),
    "a-kept-parameter": (
        "https://a.blob.core.windows.net/c/f.jpg?sig=x1&rscd=one",
        "https://a.blob.core.windows.net/c/f.jpg?sig=x1&rscd=two",
    ),
    "an-unsigned-expires": (
        "https://example.com/f.jpg?expires=1",
        "https://example.com/f.jpg?expires=2",
    ),
}


def test_one_object_signed_twice_is_one_request_and_other_values_are_two() -> None:
    for name, (first, second) in SIGNINGS.items():
        same = [
            requests.identity_digest("talking_photo", {"image_url": u}) for u in (first, second)
        ]
        assert same[0] == same[1], name
    for name, (first, second) in OTHERS.items():
        two = [requests.identity_digest("talking_photo", {"image_url": u}) for u in (first, second)]
        assert two[0] != two[1], name


def test_a_migration_keeps_the_request_of_an_attempt_recorded_from_its_inputs_as_given(
    isolated: Isolation, slow: Sandbox
) -> None:
    """After a migration akool recomputes the requests of attempts in doubt from their recorded
    inputs (more names masked): one recorded from the inputs as given cannot be recomputed so
    (the values are not recorded) and keeps its digest."""
    killed_mid_create(isolated, slow, "talk", ALICE, AUDIO)
    with closing(sqlite3.connect(isolated.home / "jobs.sqlite3")) as db, db:
        [(request,)] = list(db.execute("SELECT request FROM attempts"))
        assert request.startswith(requests.IDENTITY_PREFIX)
        last = db.execute("SELECT MAX(rowid) FROM _migrations").fetchone()[0]
        db.execute("DELETE FROM _migrations WHERE rowid = ?", (last,))
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    assert akool(isolated, slow, "talk", BOB, AUDIO).returncode == 0
    assert akool(isolated, slow, "talk", ALICE, AUDIO).returncode == 5
    with closing(sqlite3.connect(isolated.home / "jobs.sqlite3")) as db:
        assert [request] == [r for (r,) in db.execute("SELECT request FROM attempts WHERE id = 1")]
    assert creates(slow) == 2
