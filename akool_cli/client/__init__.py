"""akool as a Python library: make, follow and download AKOOL jobs, recorded in akool's history.

The command line is built on this package and reaches nothing below it: every command calls a
Client method and prints what it returns. A Client finds credentials, the base URL, the profile
and the history as the CLI does (or takes them as arguments), never prints, never exits, and
raises subclasses of `akool_cli.AkoolError`, each carrying the CLI's exit code.

The names below are the library's public surface (import-linter holds the CLI to it).
"""

from __future__ import annotations

from akool_cli.client.account import (
    AccountMixin,
    Login,
    ProfileCheck,
    Setting,
    Verified,
    envelope_error,
)
from akool_cli.client.arguments import install
from akool_cli.client.base import guard_calls
from akool_cli.client.batches import (
    BatchMixin,
    BatchPlan,
    BatchPreview,
    BatchResult,
    make_folder,
)
from akool_cli.client.callbacks import CallbacksMixin
from akool_cli.client.following import POLL_INTERVAL, FollowingMixin
from akool_cli.client.job import FollowResult, Job, Statuses, StatusNote
from akool_cli.client.ledger import LedgerMixin
from akool_cli.client.making import InputOptions, media_kind
from akool_cli.client.media import Deleted, MediaMixin, background_change_gone
from akool_cli.client.runs import Once, Run, RunsMixin
from akool_cli.client.settling import Settled, SettlingMixin
from akool_cli.client.steps import FirstStep
from akool_cli.client.talking import DEFAULT_URL_TTL, TalkEvents
from akool_cli.core.callbacks import Callback
from akool_cli.doctor import Check
from akool_cli.inputs.preflight import Events
from akool_cli.jobs.batch import Problem as RowProblem
from akool_cli.jobs.batch_run import Outcome
from akool_cli.jobs.ledger import EXPORT_COLUMNS as HISTORY_COLUMNS
from akool_cli.jobs.views import EXPIRED_NOTE, TABLE_COLUMNS, made, made_lines
from akool_cli.jobs.watcher import Downloaded, Event, Failed, Finished, Progress, Tick, Updated
from akool_cli.store.config import DEFAULT_PROFILE, USER_SETTINGS
from akool_cli.store.journal import RunRecord
from akool_cli.webhooks.receiver import MAX_BODY as CALLBACK_MAX_BYTES
from akool_cli.webhooks.receiver import Handled

SETTING_NAMES = tuple(USER_SETTINGS)  # what `akool config set NAME` and set_setting() take

__all__ = [
    "CALLBACK_MAX_BYTES",
    "DEFAULT_PROFILE",
    "DEFAULT_URL_TTL",
    "EXPIRED_NOTE",
    "HISTORY_COLUMNS",
    "POLL_INTERVAL",
    "SETTING_NAMES",
    "TABLE_COLUMNS",
    "BatchPlan",
    "BatchPreview",
    "BatchResult",
    "Callback",
    "Check",
    "Client",
    "Deleted",
    "Downloaded",
    "Event",
    "Events",
    "Failed",
    "Finished",
    "FirstStep",
    "FollowResult",
    "Handled",
    "InputOptions",
    "Job",
    "Login",
    "Once",
    "Outcome",
    "ProfileCheck",
    "Progress",
    "RowProblem",
    "Run",
    "RunRecord",
    "Setting",
    "Settled",
    "StatusNote",
    "Statuses",
    "TalkEvents",
    "Tick",
    "Updated",
    "Verified",
    "answered_unrecorded",
    "background_change_gone",
    "envelope_error",
    "made",
    "made_lines",
    "make_folder",
    "media_kind",
    "release_locks",
]


class Client(
    BatchMixin,
    MediaMixin,
    FollowingMixin,
    LedgerMixin,
    RunsMixin,
    AccountMixin,
    CallbacksMixin,
    SettlingMixin,
):
    """One AKOOL account on one server, with akool's history.

    >>> client = Client()                      # found as the CLI finds them
    >>> job = client.talk("me.jpg", text="Hello!", voice=VOICE_ID, upload_to="s3://my-bucket/akool/")
    >>> job = client.wait(job.id, timeout="10m")
    >>> path = client.download(job.id, "videos/")
    """

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


install(Client)  # every public method's arguments checked against its annotations
guard_calls(Client)  # close() on another thread waits for the calls in flight (base.py)


def answered_unrecorded() -> list[str]:
    """What to tell the user of each create AKOOL answered whose record is not written yet (a
    process exiting before the history can take it: the id and the settle command)."""
    from akool_cli.jobs.engine import answered_unrecorded as pending

    return pending()


def release_locks() -> None:
    """Drop the owner lock files this process holds (a program that exits cleanly may call it;
    the CLI does): a crash leaves them for the next akool to tidy."""
    from akool_cli.store import owners

    owners.release_all()
