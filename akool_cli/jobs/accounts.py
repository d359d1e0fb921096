"""Which account a credential's jobs count for on one server and profile: its own fingerprint, or
the account the user said it is (a rotated key, an API key after clientId/clientSecret).

AKOOL documents no endpoint that names the account behind a key, so akool never takes two
credentials for one account, nor for two, without being told: a create whose key (a batch row,
a speech) has a job or an unsettled create made with another credential on the same server and
profile is refused (OtherCredentialError) until the user says `same` (those jobs are this
credential's: picked up, refreshed with it, on the server they were made on) or `new` (another
account: created again). The answer is recorded, so it is asked once per credential.
"""

from __future__ import annotations

from typing import Literal

from akool_cli.core.errors import OtherCredentialError, UsageError
from akool_cli.store.journal import Journal, Scope

Choice = Literal["same", "new"]
CHOICES: tuple[Choice, ...] = ("same", "new")
HINT = (
    "if it is the same AKOOL account (a rotated key, or an API key after clientId/"
    "clientSecret), run the command again with --same-account to pick those jobs up; if it is "
    "another account, with --new-account to create them again for it (billed again)"
)


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
    others = tuple(sorted(set(elsewhere.values())))
    if choice == "new" or (choice == "same" and len(others) == 1):
        account = fingerprint if choice == "new" else others[0]
        journal.decide_account(scope.base_url, scope.profile, fingerprint, account)
        return account
    if choice == "same":
        raise UsageError(
            f"these creates were made with {len(others)} other credentials on "
            f"{scope.base_url} (accounts {', '.join(others)}): --same-account cannot tell "
            "which one this credential is",
            hint="run the rows of each account with its own credential, or --new-account",
        )
    count = sum(1 for keys in rows if any(key in elsewhere for key in keys))
    raise OtherCredentialError(
        f"{count} {noun}{'' if count == 1 else 's'} {'has' if count == 1 else 'have'} a job on "
        f"{scope.base_url} (profile {scope.profile}) made with another credential (account "
        f"{', '.join(others)}; this credential is {fingerprint}): akool cannot tell whether "
        "both are one AKOOL account, so it creates nothing until you say",
        hint=HINT,
        count=count,
        fingerprint=fingerprint,
        others=others,
        base_url=scope.base_url,
        profile=scope.profile,
    )


def check_choice(choice: str | None) -> Choice | None:
    """A choice as the library takes it: 'same', 'new' or None."""
    if choice is None or choice in CHOICES:
        return choice
    raise UsageError(
        f"account choice {choice!r} is neither 'same' nor 'new'",
        hint="same: the jobs made with the other credential are this one's; new: create again",
    )
