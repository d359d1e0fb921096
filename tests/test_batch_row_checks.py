"""A batch row is checked before billing exactly as its command checks it (issue 19, break19
findings 1 and 5): a talking avatar's avatar_id is looked up in AKOOL's avatar list (refused when
not listed, its avatar_from taken from the list), and AKOOL's 1202 (a video translated with lip
sync into a language twice) is said for a row repeating an earlier row or the history (and an
avatar upload's avatar_id made twice). A head swap row whose task create is in doubt is not
analysed again on a rerun (finding 4): it stays unknown, with the settle hint, until settled."""

from __future__ import annotations

import akool_cli
from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_products import AUDIO, VIDEO, sent

AVATAR = "SandboxAnna01"  # one of the sandbox's AKOOL avatars (from 2)


def test_a_batch_avatar_row_with_an_unlisted_avatar_id_is_refused_before_billing(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "avatars.csv"
    rows.write_text(
        f"id,kind,avatar_id,audio_url\nz1,avatar,NoSuchAvatar2,{AUDIO}\nok,avatar,{AVATAR},{AUDIO}\n",
        encoding="utf-8",
    )
    refused = invoke(["batch", str(rows), "--no-check"], expect=2)
    assert "AKOOL lists no avatar 'NoSuchAvatar2'" in refused.stderr
    assert sent(api_env, contract.CREATE_TALKING_AVATAR) == []
    # The library refuses it too, whatever the door (make() as the batch and the command do).
    with akool_cli.Client() as client:
        for door in (
            lambda: client.talking_avatar("NoSuchAvatar2", AUDIO, check=False),
            lambda: client.make("avatar", {"avatar_id": "NoSuchAvatar2", "audio_url": AUDIO}),
        ):
            try:
                door()
            except akool_cli.UsageError as exc:
                assert "AKOOL lists no avatar 'NoSuchAvatar2'" in str(exc)
            else:
                raise AssertionError("an unlisted avatar_id was billed")
    assert sent(api_env, contract.CREATE_TALKING_AVATAR) == []


def test_a_batch_avatar_rows_avatar_from_is_looked_up_as_the_command_does(
    api_env: Sandbox, isolated: Isolation
) -> None:
    with akool_cli.Client() as client:
        upload = client.avatar_add(VIDEO, "Me", avatar_id="MyOwn01", check=False)
        isolated.clock.advance(600)
        assert client.wait(upload.id).state == "done"
    rows = isolated.tmp / "own.csv"
    rows.write_text(f"id,kind,avatar_id,audio_url\nme,avatar,MyOwn01,{AUDIO}\n", encoding="utf-8")
    invoke(["batch", str(rows), "--no-check"])
    [body] = sent(api_env, contract.CREATE_TALKING_AVATAR)
    assert body["avatar_from"] == 3  # the list says it is the account's own


def test_a_batch_refuses_a_row_repeating_a_lip_synced_translation(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "translate.csv"
    rows.write_text(
        "id,kind,url,language,lipsync\n"
        f'q1,translate,{VIDEO},es,true\nq2,translate,{VIDEO},"fr,es",true\n'
        f"q3,translate,{VIDEO},de,true\n",
        encoding="utf-8",
    )
    refused = invoke(["batch", str(rows), "--no-check"], expect=2)
    assert "row 3" in refused.stderr
    assert "already translated with lip sync into es" in refused.stderr
    assert sent(api_env, contract.CREATE_TRANSLATION) == []
    # Across runs too: the history's lip-synced translation into es refuses a later row.
    invoke(["translate", VIDEO, "--to", "es", "--lipsync"])
    again = isolated.tmp / "again.csv"
    again.write_text(f"id,kind,url,language,lipsync\nq9,translate,{VIDEO},es,true\n", "utf-8")
    later = invoke(["batch", str(again), "--no-check"], expect=2)
    assert "already translated with lip sync into es" in later.stderr
    assert len(sent(api_env, contract.CREATE_TRANSLATION)) == 1


def test_a_batch_refuses_an_avatar_upload_row_making_an_avatar_id_again(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "uploads.csv"
    rows.write_text(
        "id,kind,url,name,avatar_id\n"
        f"a1,avatars add,{VIDEO},Me,Mine01\na2,avatars add,{VIDEO},Me too,Mine01\n",
        encoding="utf-8",
    )
    refused = invoke(["batch", str(rows), "--no-check"], expect=2)
    assert (
        "row 3" in refused.stderr and "avatar_id Mine01 is made by an earlier row" in refused.stderr
    )
    assert sent(api_env, contract.CREATE_AVATAR) == []


def test_a_head_swap_row_whose_task_create_is_unknown_is_not_analysed_again(
    api_env: Sandbox, isolated: Isolation
) -> None:
    # break19 finding 4: a rerun asked the analysis again, and when that failed the row said
    # `error` without the settle hint. The unknown create keeps the row unknown until settled.
    rows = isolated.tmp / "swap.csv"
    rows.write_text(
        f"id,kind,video_url,faces\nhs,headswap,{VIDEO},https://example.com/a.jpg\n", "utf-8"
    )
    api_env.state.inject("drop", at="create_headswap")  # made, then the answer is lost
    first = invoke(["batch", str(rows)], expect=9)
    assert "akool settle" in first.stderr
    analyses = len(api_env.state.analyses)
    api_env.state.inject("drop", at="headswap_analyze")  # an analysis asked now would fail
    again = invoke(["batch", str(rows)], expect=9)
    assert "akool settle" in again.stderr and "analysis" not in again.stderr
    assert len(api_env.state.analyses) == analyses  # not asked again
    tasks = [r for r in api_env.state.received if r.path.endswith("task/create")]
    assert len(tasks) == 1
