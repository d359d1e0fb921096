"""Credential-bearing query values are masked as `…` wherever a URL is shown or kept: --debug,
errors, `status`/`history --json` and the history file. An old history that kept them whole is
masked by a migration, and its unknown create still blocks its twin.

Two rounds of names, each with the migration that masks what an older akool kept: key, auth_key,
sign, jwt and Authorization (break17d L10, m014); hmac, code, session, session_id and hash
(Akamai-style token signatures, OAuth authorization codes, session ids, signed-URL hashes;
break17c L2, m017). Each test failed on the akool before its round: the values were shown and
recorded whole.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from akool_cli.core import redact
from akool_cli.sandbox import Sandbox
from akool_cli.store.journal import SCHEMA_VERSION
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle import lose_answer_once

AUDIO = "https://e.com/a.mp3"
ROUNDS = [
    pytest.param(
        "m014_more_masked_query_names",
        "https://cdn.example/x.jpg?key=SECRETK&auth_key=SECRETak&sign=SECRETsn&jwt=SECRETjw"
        "&Authorization=SECRETauth&width=512",
        "key=…",
        id="key-sign-jwt",
    ),
    pytest.param(
        "m017_hmac_code_session_hash_masked",
        "https://cdn.example/x.jpg?hmac=SECREThmac&code=SECRETcode&session=SECRETsess"
        "&Session-Id=SECRETsid&hash=SECREThash&url_hmac=SECRETuh&zipcode=75001&width=512",
        "code=…",
        id="hmac-code-session-hash",
    ),
]


def _secrets(image: str) -> list[str]:
    return [part.split("=")[1] for part in image.split("?")[1].split("&") if "SECRET" in part]


def _history_bytes(isolated: Isolation) -> bytes:
    return b"".join(p.read_bytes() for p in isolated.home.rglob("jobs.sqlite3*") if p.is_file())


@pytest.mark.parametrize(("migration", "image", "masked"), ROUNDS)
def test_the_values_are_masked_in_debug_json_the_table_and_the_history_file(
    migration: str, image: str, masked: str, api_env: Sandbox, isolated: Isolation
) -> None:
    created = invoke(["--debug", "talk", image, AUDIO])
    shown = created.stdout + created.stderr
    for argv in (["status", "--json"], ["history", "--json"], ["status"]):
        done = invoke(argv)
        shown += done.stdout + done.stderr
    assert [s for s in _secrets(image) if s in shown] == []
    assert [s for s in _secrets(image) if s.encode() in _history_bytes(isolated)] == []
    assert masked in shown and "width=512" in shown  # the rest of the URL stays readable
    said = redact.text(f"AKOOL could not fetch {image}: 404", ())  # an error naming it
    assert [s for s in _secrets(image) if s in said] == [] and "width=512" in said


def test_names_that_only_end_like_code_or_hash_stay_readable() -> None:
    said = redact.signed("https://e.com/x.jpg?zipcode=75001&filehash=abc&hmac=SECRET")
    assert said == "https://e.com/x.jpg?zipcode=75001&filehash=abc&hmac=…"


@pytest.mark.parametrize(("migration", "image", "masked"), ROUNDS)
def test_an_old_history_is_masked_and_its_unknown_create_still_blocks_its_twin(
    migration: str, image: str, masked: str, api_env: Sandbox, isolated: Isolation
) -> None:
    made = lose_answer_once(api_env, "create_job")
    command = ["talk", image, AUDIO]
    invoke(command, expect=5)  # unknown outcome: AKOOL made the job, the answer was lost
    path = next(isolated.home.rglob("jobs.sqlite3"))
    with closing(sqlite3.connect(path)) as db, db:  # as an akool masking fewer names left it
        recorded = json.loads(db.execute("SELECT inputs FROM attempts").fetchone()[0])
        recorded["image_url"] = image
        db.execute("UPDATE attempts SET inputs = ?", (json.dumps(recorded),))
        db.execute("DELETE FROM _migrations WHERE name = ?", (migration,))
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    assert _secrets(image)[0].encode() in _history_bytes(isolated)
    again = invoke(command, expect=5)  # refused: the same create, not sent over the unknown one
    assert "unknown outcome" in again.stderr and len(made) == 1
    assert [s for s in _secrets(image) if s.encode() in _history_bytes(isolated)] == []
