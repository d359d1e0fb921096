"""hmac, code, session, session_id and hash query values are credentials too (Akamai-style token
signatures, OAuth authorization codes, session ids, signed-URL hashes): masked as `…` in --debug,
errors, `status`/`history --json` and the history file, as key, sign and jwt are; an old history
that kept them whole is masked by a migration, and its unknown create still blocks its twin.

Each test fails on akool before the fix (break17c L2): the values were shown and recorded whole.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

from akool_cli.core import redact
from akool_cli.sandbox import Sandbox
from akool_cli.store.journal import SCHEMA_VERSION
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle import lose_answer_once

SECRETS = ("SECREThmac", "SECRETcode", "SECRETsess", "SECRETsid", "SECREThash", "SECRETuh")
IMAGE = (
    "https://cdn.example/x.jpg?hmac=SECREThmac&code=SECRETcode&session=SECRETsess"
    "&Session-Id=SECRETsid&hash=SECREThash&url_hmac=SECRETuh&zipcode=75001&width=512"
)
AUDIO = "https://e.com/a.mp3"


def _history_bytes(isolated: Isolation) -> bytes:
    return b"".join(p.read_bytes() for p in isolated.home.rglob("jobs.sqlite3*") if p.is_file())


def test_the_values_are_masked_in_debug_json_the_table_and_the_history_file(
    api_env: Sandbox, isolated: Isolation
) -> None:
    created = invoke(["--debug", "talk", IMAGE, AUDIO])
    shown = created.stdout + created.stderr
    for argv in (["status", "--json"], ["history", "--json"], ["status"]):
        done = invoke(argv)
        shown += done.stdout + done.stderr
    assert [s for s in SECRETS if s in shown] == []
    assert [s for s in SECRETS if s.encode() in _history_bytes(isolated)] == []
    # Whole names only for code and hash: a zipcode or width stays readable.
    assert "hmac=…" in shown and "code=…" in shown and "zipcode=75001" in shown


def test_an_error_naming_the_url_masks_them() -> None:
    said = redact.text(f"AKOOL could not fetch {IMAGE}: 404", ())
    assert [s for s in SECRETS if s in said] == [] and "width=512" in said


def test_an_old_history_is_masked_and_its_unknown_create_still_blocks_its_twin(
    api_env: Sandbox, isolated: Isolation
) -> None:
    made = lose_answer_once(api_env, "create_job")
    command = ["talk", IMAGE, AUDIO]
    invoke(command, expect=5)  # unknown outcome: AKOOL made the job, the answer was lost
    path = next(isolated.home.rglob("jobs.sqlite3"))
    with closing(sqlite3.connect(path)) as db, db:  # as an akool masking fewer names left it
        recorded = json.loads(db.execute("SELECT inputs FROM attempts").fetchone()[0])
        recorded["image_url"] = IMAGE
        db.execute("UPDATE attempts SET inputs = ?", (json.dumps(recorded),))
        db.execute("DELETE FROM _migrations WHERE name = 'm015_hmac_code_session_hash_masked'")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    assert b"SECREThmac" in _history_bytes(isolated)
    again = invoke(command, expect=5)  # refused: the same create, not sent over the unknown one
    assert "unknown outcome" in again.stderr and len(made) == 1
    assert [s for s in SECRETS if s.encode() in _history_bytes(isolated)] == []
