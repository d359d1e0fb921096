"""Break-it 17i I1: `akool spend` and `akool history` speak of the server and profile in use; a
sandbox rehearsal in the same AKOOL_HOME is never counted as production's spend. `--all` shows
every server and profile, each apart; every row says its server and profile."""

# ruff: noqa: F811 (production is test_fixd_breakit17's fixture, imported)
from __future__ import annotations

import json

import pytest

import akool_cli
from akool_cli.sandbox import Sandbox
from tests.support.runner import invoke
from tests.support.sandboxes import point_at
from tests.test_fixd_breakit17 import PROD_KEY, production  # noqa: F401  (a fixture)


def _done_talk(image: str) -> str:
    job = invoke(["talk", f"https://e.com/{image}.jpg", "https://e.com/a.mp3", "--wait", "-q"])
    return job.stdout.strip()


@pytest.fixture
def rehearsed(
    api_env: Sandbox, production: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    """One finished job rehearsed on the sandbox, then one made "for real" on production,
    both in the same AKOOL_HOME (docs/ci.md's recipe); pointed at production after."""
    rehearsal = _done_talk("rehearsal")
    point_at(production, monkeypatch, PROD_KEY)
    real = _done_talk("real")
    return rehearsal, real


def test_spend_counts_the_server_in_use_and_all_shows_each_apart(
    rehearsed: tuple[str, str], api_env: Sandbox, production: Sandbox
) -> None:
    spent = invoke(["spend", "--json"])
    report = json.loads(spent.stdout)
    assert report["total"]["jobs"] == 1 and report["total"]["credits"] == 10
    assert report["base_url"] == production.base_url and report["profile"] == "default"
    assert report["total"]["base_url"] == production.base_url
    assert [g["base_url"] for g in report["groups"]] == [production.base_url]
    assert report["elsewhere"] == 1
    table = invoke(["spend"])
    assert "1 job(s) of other servers or profiles not counted" in table.stderr
    assert "akool spend --all" in table.stderr
    # The sandbox's own spend, asked for with --base-url (accepted and ignored before).
    sandbox = json.loads(invoke(["--base-url", api_env.base_url, "spend", "--json"]).stdout)
    assert sandbox["total"]["jobs"] == 1 and sandbox["base_url"] == api_env.base_url
    everything = json.loads(invoke(["spend", "--all", "--json"]).stdout)
    assert everything["base_url"] is None and everything["elsewhere"] == 0
    totals = {t["base_url"]: t["jobs"] for t in everything["totals"]}
    assert totals == {api_env.base_url: 1, production.base_url: 1}
    shown = invoke(["spend", "--all"]).stdout
    assert api_env.base_url in shown and production.base_url in shown


def test_history_rows_carry_their_server_and_profile(
    rehearsed: tuple[str, str], api_env: Sandbox, production: Sandbox
) -> None:
    rehearsal, real = rehearsed
    rows = json.loads(invoke(["history", "--json"]).stdout)
    assert [r["id"] for r in rows] == [real]
    assert rows[0]["base_url"] == production.base_url and rows[0]["profile"] == "default"
    assert rows[0]["sandbox"] is False
    every = {r["id"]: r for r in json.loads(invoke(["history", "--all", "--json"]).stdout)}
    assert set(every) == {rehearsal, real}
    assert every[rehearsal]["base_url"] == api_env.base_url and every[rehearsal]["sandbox"]
    header = invoke(["history", "--csv"]).stdout.splitlines()[0].split(",")
    assert {"base_url", "profile", "sandbox"} <= set(header)
    table = invoke(["history"])
    assert real in table.stdout and rehearsal not in table.stdout
    assert "akool history --all" in table.stderr
    with akool_cli.Client() as client:  # the library: the same default and the same option
        assert [r["id"] for r in client.history()] == [real]
        assert client.spend(all_servers=True).total.jobs == 2
