"""Which account a credential's jobs count for on one server and profile: its own fingerprint, or
the account the user said it is (a rotated key, an API key after clientId/clientSecret).

AKOOL documents no endpoint that names the account behind a key, so akool never takes two
credentials for one account, nor for two, without being told: a create whose key (a batch row,
a speech) has a job or an unsettled create made with another credential on the same server and
profile, or any create whose identical create (the same request, whichever command, batch row or
MCP call made it) made with another credential has an unknown outcome, is refused (OtherCredentialError) until the user says `same` (those jobs are this
credential's: picked up, refreshed with it, on the server they were made on; an unknown outcome
is this credential's to settle) or `new` (another account: created again). The answer is
recorded, so it is asked once per credential.
"""

from __future__ import annotations

from typing import Any, Literal

from akool_cli.core.errors import OtherCredentialError, UsageError, other_credential_hint
from akool_cli.core.kinds import JobKind
from akool_cli.store.journal import Journal, Scope

Choice = Literal["same", "new"]
CHOICES: tuple[Choice, ...] = ("same", "new")


def account_for(journal: Journal, base_url: str, profile: str, fingerprint: str) -> str:
    """The account a credential's jobs are recorded and found under: the one decided for it,
    or its own fingerprint."""
    return journal.account_of(base_url, profile, fingerprint) or fingerprint


def meet(
    journal: Journal,
    scope: Scope,
    rows: list[list[str]],
    choice: Choice | None,
    noun: str = "row",
) -> str:
    """The account these creates count for, `scope.account` being the credential's own
    fingerprint. `rows` are the claim keys of each create (a batch row's and its speech's).
    Undecided, and some of them made with another credential: `choice` decides it (and is
    recorded), or OtherCredentialError names how many and both fingerprints."""
    fingerprint = scope.account or ""
    decided = journal.account_of(scope.base_url, scope.profile, fingerprint)
    if decided is not None:
        return decided
    elsewhere = journal.made_elsewhere([key for keys in rows for key in keys], scope)
    if not elsewhere:
        return fingerprint
    count = sum(1 for keys in rows if any(key in elsewhere for key in keys))
    doubts = tuple(a.id for a in journal.in_doubt_elsewhere(list(elsewhere), scope))
    made = "a job"
    if doubts:
        numbers = ", ".join(str(number) for number in doubts[:10])
        what = "a create whose outcome is unknown"
        made = f"{what} (attempt {numbers})" if len(doubts) == count else f"a job or {what}"
    said = (
        f"{count} {noun}{'' if count == 1 else 's'} {'has' if count == 1 else 'have'} {made} "
        f"on {scope.base_url} (profile {scope.profile}) made with another credential"
    )
    return _decide(journal, scope, set(elsewhere.values()), choice, said, count, doubts)


def meet_in_doubt(
    journal: Journal, scope: Scope, kind: JobKind, inputs: dict[str, Any], choice: Choice | None
) -> str:
    """meet() for a create of one request (`akool lipsync`, `talk`, `Client.make`, an MCP call,
    a batch row): the account it counts for, undecided and an identical create made with another
    credential on this server and profile (by any of those) having an unknown outcome (AKOOL
    may have made and billed it): `choice` decides it (`same`: it is this create's unknown
    outcome, refused until settled; `new`: created for this account), or OtherCredentialError
    names the attempt."""
    return meet_requests(journal, scope, [(kind.name, inputs)], choice, kind.noun)


def meet_reused(
    journal: Journal, scope: Scope, kind: JobKind, inputs: dict[str, Any], choice: Choice | None
) -> str:
    """meet_in_doubt() for a create that may reuse a job (--reuse, `reuse=True`): the account
    it counts for, undecided and a job of the very same request made with another credential on
    this server and profile standing for it (a rotated key): `choice` decides it (`same`: that
    job is reused; `new`: made again for this account), or OtherCredentialError names the job."""
    fingerprint = scope.account or ""
    found = journal.made_like_elsewhere(scope, kind.name, inputs)
    if not found:
        return fingerprint
    jobs = ", ".join(job_id for job_id, _ in found[:10])
    said = (
        f"an identical {kind.noun} job ({jobs}) on {scope.base_url} (profile {scope.profile}) "
        "was made with another credential"
    )
    return _decide(journal, scope, {account for _, account in found}, choice, said, 1)


def meet_requests(
    journal: Journal,
    scope: Scope,
    creates: list[tuple[str, dict[str, Any]]],
    choice: Choice | None,
    noun: str | None = None,
) -> str:
    """meet_in_doubt() for several creates (a batch's rows, each its kind and inputs): those
    whose identical create made with another credential has an unknown outcome are counted and
    named. `noun`: one create's, said as such; else rows."""
    fingerprint = scope.account or ""
    decided = journal.account_of(scope.base_url, scope.profile, fingerprint)
    if decided is not None:
        return decided
    found = [journal.unsettled_elsewhere(scope, kind, inputs) for kind, inputs in creates]
    doubts = sorted({a.id: a for group in found for a in group}.values(), key=lambda a: a.id)
    if not doubts:
        return fingerprint
    count = sum(1 for group in found if group)
    numbers = ", ".join(str(attempt.id) for attempt in doubts[:10])
    if noun is not None:
        what = f"an identical {noun} create (attempt {numbers}) has an unknown outcome"
    else:
        rows = f"{count} row{'' if count == 1 else 's'} {'has' if count == 1 else 'have'}"
        what = f"{rows} an identical create whose outcome is unknown (attempt {numbers})"
    where = f"on {scope.base_url} (profile {scope.profile})"
    said = f"{what} {where}, made with another credential"
    others = {attempt.account for attempt in doubts}
    return _decide(journal, scope, others, choice, said, count, tuple(a.id for a in doubts))


def _decide(
    journal: Journal,
    scope: Scope,
    accounts: set[str],
    choice: Choice | None,
    said: str,
    count: int,
    attempts: tuple[int, ...] = (),
) -> str:
    """The account `choice` makes of a credential that met `accounts`' creates (recorded), or
    the error that asks for it; `said` tells what was met."""
    fingerprint = scope.account or ""
    others = tuple(sorted(accounts))
    if choice == "new" or (choice == "same" and len(others) == 1):
        account = fingerprint if choice == "new" else others[0]
        journal.decide_account(scope.base_url, scope.profile, fingerprint, account)
        return account
    if choice == "same":
        raise UsageError(
            f"these creates were made with {len(others)} other credentials on "
            f"{scope.base_url} (accounts {', '.join(others)}): the same-account choice cannot "
            "tell which one this credential is",
            hint="run the creates of each account with its own credential, or choose a new account",
        )
    raise OtherCredentialError(
        f"{said} (account {', '.join(others)}; this credential is {fingerprint}): akool "
        "cannot tell whether both are one AKOOL account, so it creates nothing until you say",
        hint=other_credential_hint(attempts),
        count=count,
        fingerprint=fingerprint,
        others=others,
        base_url=scope.base_url,
        profile=scope.profile,
        attempts=attempts,
    )


def check_choice(choice: str | None) -> Choice | None:
    """A choice as the library takes it: 'same', 'new' or None."""
    if choice is None or choice in CHOICES:
        return choice
    raise UsageError(
        f"account choice {choice!r} is neither 'same' nor 'new'",
        hint="same: the jobs made with the other credential are this one's; new: create again",
    )
