"""One create, one identity, however it is sent (issue 17, break17g G15 and break17f F18/F22/F23).

A product command (talking avatar, face swap, reage, head swap) builds the body it sends from its
inputs; `akool api POST` sends a body as written. AKOOL bills the bytes it receives, so an unknown
outcome of either must stop the other from sending those bytes again, whichever came first.

Each test fails on akool before its fix: the api create after a product create killed mid-send
was sent and billed again."""

from __future__ import annotations

import json
from typing import Any

import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle import lose_answer_once, settle_command

E = "https://example.com"
PRODUCTS = [
    ["avatar", "SandboxAnna01", f"{E}/one-id.mp3"],
    ["faceswap", f"{E}/face.png", f"{E}/one-id.jpg"],
    ["reage", f"{E}/one-id.jpg", "--age", "5"],
    ["headswap", f"{E}/one-id.mp4", "--face", f"{E}/face.png"],
]
IDS = ["talking-avatar", "faceswap", "reage", "headswap"]


@pytest.mark.parametrize("product", PRODUCTS, ids=IDS)
def test_an_api_create_of_the_bytes_an_unanswered_product_create_sent_is_refused(
    api_env: Sandbox, isolated: Isolation, product: list[str]
) -> None:
    """break17g G15, product first: the product's attempt was recorded by its own inputs only,
    so `akool api POST` of the very body it sent found nothing in doubt and billed it again."""
    made = lose_answer_once(api_env, "create_job")
    lost = invoke(product, expect=5)
    _, settle = settle_command(" ".join(lost.stderr.split()))
    sent = api_env.state.received[-1]
    body, path = json.loads(sent.body), sent.path.split("?")[0]
    refused = invoke(["api", "POST", path, "--input", "-"], input=json.dumps(body), expect=5)
    assert settle in " ".join(refused.stderr.split()), refused.stderr
    assert api_env.state.received[-1] is sent  # nothing sent again
    assert len(made) == 1  # the lost one only: nothing billed twice
    # A body that differs (another image, another face) is another request: it is created.
    text = json.dumps(body)
    other = text.replace(*(("face.png", "f2.png") if "face.png" in text else ("one-id", "two")))
    done = invoke(["api", "POST", path, "--input", "-"], input=other)
    assert json.loads(done.stdout)["code"] == 1000 and len(api_env.state.jobs) == 2


def test_an_api_create_of_several_jobs_records_every_job_its_answer_names(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17f F22 (and F18's root): AKOOL's documented `count` (1-10) made that many billed
    jobs of which the history kept the first; then `count` over 1 was refused. Each is recorded
    now, and followed like any job."""
    body = {"prompt": "a lake", "model_name": "seedance-1-0-lite-i2v-250428", "count": 3}
    path = contract.CREATE_TEXT2VIDEO.path
    done = invoke(["api", "POST", path, "--input", "-"], input=json.dumps(body))
    made = [job["_id"] for job in json.loads(done.stdout)["data"]["successList"]]
    assert len(made) == 3 and len(api_env.state.jobs) == 3
    history = json.loads(invoke(["history", "--json"]).stdout)
    assert sorted(j["id"] for j in history) == sorted(made)
    assert {j["kind"] for j in history} == {"text2video"}
    out = isolated.tmp / "out"
    invoke(["watch", made[2], "-o", f"{out}/"])
    assert (out / f"{made[2]}.mp4").read_bytes()[4:8] == b"ftyp"


def test_a_product_create_answered_with_more_jobs_than_asked_records_and_names_them(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17f F18: `akool text2video` (count 1) answered with two jobs in successList kept
    the first and dropped the other, billed, without a word."""
    answer_with_one_more(monkeypatch, "6b1400000000000000000002")
    done = invoke(["text2video", "--prompt", "two lakes"])
    [job_id] = done.stdout.split()
    assert "6b1400000000000000000002" in done.stderr and "billed" in done.stderr, done.stderr
    history = {j["id"] for j in json.loads(invoke(["history", "--json"]).stdout)}
    assert history == {job_id, "6b1400000000000000000002"}


def answer_with_one_more(monkeypatch: pytest.MonkeyPatch, extra_id: str) -> None:
    """The sandbox answers each successList create with one more job than it made."""
    from akool_cli.sandbox import products as answers

    original = answers.created_answer

    def more(kind: Any, data: dict[str, Any], *others: dict[str, Any]) -> Any:
        answer = original(kind, data, *others)
        answer["successList"].append({**data, "_id": extra_id})
        return answer

    monkeypatch.setattr(answers, "created_answer", more)


def test_an_mcp_create_answered_with_more_jobs_than_asked_names_them(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F18 for `akool mcp`: the tool's answer names the other jobs (also_job_ids)."""
    from mcp.client.session import ClientSession

    from tests.test_mcp import call, serve

    answer_with_one_more(monkeypatch, "6b1400000000000000000003")
    seen: dict[str, Any] = {}

    async def body(session: ClientSession) -> None:
        seen.update(await call(session, "text2video", prompt="three lakes"))

    serve(isolated, sandbox, body)
    assert seen["also_job_ids"] == ["6b1400000000000000000003"], seen


BATCH_I2V = {
    "image_url": f"{E}/i2v-batch.jpg",
    "prompt": "slow zoom",
    "resolution": "720p",
    "video_length": 5,
    "count": 2,
}


def test_a_documented_batch_create_is_claimed_recorded_and_never_resent_unanswered(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17f F23: `createBySourcePrompt/batch` (billed, count 1-10) was sent unclaimed: an
    unanswered one was not recorded, and the same command sent (and billed) it again."""
    path = "/api/open/v4/image2Video/createBySourcePrompt/batch"  # image2video.mdx
    api = ["api", "POST", path, "--input", "-"]
    made = lose_answer_once(api_env, "create_job")
    lost = invoke(api, input=json.dumps(BATCH_I2V), expect=5)
    attempt, settle = settle_command(lost.stderr)
    sent = len(api_env.state.received)
    again = invoke(api, input=json.dumps(BATCH_I2V), expect=5)
    assert settle in again.stderr and len(api_env.state.received) == sent  # nothing sent
    assert len(made) == 1
    # Another body: created, both jobs recorded as image-to-video jobs, followed as such.
    done = invoke(api, input=json.dumps({**BATCH_I2V, "prompt": "pan left"}))
    ids = [job["_id"] for job in json.loads(done.stdout)["data"]["successList"]]
    assert len(ids) == 2
    shown = {j["id"]: j for j in json.loads(invoke(["status", *ids, "--json"]).stdout)}
    assert {shown[i]["kind"] for i in ids} == {"image2video"}, shown
    assert f"attempt {attempt}" in invoke(["status"]).stderr + invoke(["status"]).stdout


def test_every_documented_post_is_a_create_akool_records_or_says_why_it_makes_no_job() -> None:
    """break17f F23, systematically: each POST AKOOL documents (the catalogue, generated from
    its pages: tests/test_catalogue.py) is a kind's create, another create of a kind's jobs
    (kinds.VARIANTS: claimed and recorded by `akool api`), a first stage or status read, or
    says why akool makes no job of it. A new billed create in AKOOL's pages fails here."""
    from akool_cli.core import catalogue, kinds

    posts = {e.path for e in catalogue.load().endpoints if e.method == "POST"}
    used = {p: kinds.path_use(p) for p in posts}
    unclassified = {p for p, use in used.items() if use is None and p not in kinds.MAKES_NO_JOB}
    assert unclassified == set(), "say what each makes: a kind, a Variant or MAKES_NO_JOB"
    both = {p for p, use in used.items() if use is not None and p in kinds.MAKES_NO_JOB}
    assert both == set()
    assert set(kinds.MAKES_NO_JOB) <= posts  # each names a documented POST
    assert len(posts) == 44  # the catalogue's POSTs today (of its 69 endpoints)
    creates = {p for p, use in used.items() if use is not None and use.use == "creates"}
    assert len(creates) == 24  # 20 kinds' own paths (Face Swap Plus: one for two), 4 variants
    for path in creates:
        made = kinds.created_by(path, {})
        assert made is not None and made.create.path == path and made.create.billable, path
    # The variants' jobs are their kinds' (followed by their status reads).
    for variant in kinds.VARIANTS:
        made = kinds.created_by(variant.path, {})
        assert made is not None and made.name == variant.kind
        assert made.status == kinds.get(variant.kind).status


def test_a_billed_documented_post_akool_records_nothing_of_is_said_before_it_is_sent(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17f F23's rest: a live session or a legacy v3 audio create is billed, and no job of
    akool's stands for it: `akool api` says before sending that nothing of it is recorded."""
    body = json.dumps({"input_text": "hello", "voice_id": "v1"})
    path = "/api/open/v3/audio/create"
    sent = invoke(["api", "POST", path, "--input", "-"], input=body, expect=None)
    assert "records nowhere" in sent.stderr and "legacy text to speech" in sent.stderr
    quiet = invoke(["api", "GET", "/api/open/v3/faceswap/quota/info"])
    assert quiet.stderr == ""


def test_an_older_historys_unknown_talking_avatar_blocks_an_api_create_of_its_body(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """m019_attempt_bodies migrates a history of before: an `akool avatar` attempt in doubt
    there gets the body it sent, made again from its inputs, so `akool api POST` of those
    bytes is refused as the attempts of today are."""
    import sqlite3
    from contextlib import closing

    from akool_cli.store.journal import SCHEMA_VERSION

    made = lose_answer_once(api_env, "create_job")
    lost = invoke(PRODUCTS[0], expect=5)
    _, settle = settle_command(" ".join(lost.stderr.split()))
    sent = api_env.state.received[-1]
    with closing(sqlite3.connect(isolated.home / "jobs.sqlite3")) as db, db:
        db.execute("UPDATE attempts SET body = ''")  # as before m019 (its column added now)
        db.execute("DELETE FROM _migrations WHERE name = 'm019_attempt_bodies'")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    api = ["api", "POST", sent.path.split("?")[0], "--input", "-"]
    refused = invoke(api, input=sent.body.decode(), expect=5)
    assert settle in " ".join(refused.stderr.split()), refused.stderr
    assert len(made) == 1 and api_env.state.received[-1] is sent


def test_a_batch_row_answered_with_more_jobs_than_asked_names_them(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F18 for `akool batch`: the row's line names the other jobs its answer made."""
    answer_with_one_more(monkeypatch, "6b1400000000000000000004")
    rows = isolated.tmp / "rows.csv"
    rows.write_text("id,kind,prompt\nlake,text2video,a batch lake\n", encoding="utf-8")
    done = invoke(["batch", str(rows)])
    assert "6b1400000000000000000004" in done.stderr, done.stderr
    history = {j["id"] for j in json.loads(invoke(["history", "--json"]).stdout)}
    assert "6b1400000000000000000004" in history
