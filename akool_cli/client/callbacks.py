"""AKOOL's webhook callbacks from Python as `akool webhook` handles them: the keys that sign and
encrypt them, one body opened, or a receiver that records each event in the history (and may
download the video). Events go to callbacks; nothing prints."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akool_cli.client.base import ClientBase
from akool_cli.core.errors import (
    AkoolError,
    AuthError,
    CredentialScopeError,
    NotGenuineError,
    UsageError,
)
from akool_cli.core.validate import unquoted

if TYPE_CHECKING:
    from akool_cli.core.callbacks import Callback
    from akool_cli.webhooks.receiver import Handled, WebhookReceiver

# A running sandbox leaves its ready file here (one per port), so that `akool webhook serve`
# pointed at it finds the clientId that signs its callbacks.
SANDBOXES_DIR = "sandboxes"


class CallbacksMixin(ClientBase):
    def webhook_keys(self, client_id: str | None = None) -> tuple[str, str]:
        """The clientId and clientSecret that sign and encrypt callbacks (the API key is the
        secret); the clientId from the argument, the credential, AKOOL_CLIENT_ID, or a local
        sandbox's ready file."""
        credential = self.session.credential(to_send=False)  # opens callbacks here, sends nothing
        secret = credential.client_secret or credential.api_key
        cid = unquoted(client_id or credential.client_id or self.env.get("AKOOL_CLIENT_ID", ""))
        if not cid:
            cid = self._sandbox_client_id()
        if not cid:
            raise AuthError(
                "decrypting callbacks needs your clientId",
                hint="pass --client-id (akool.com → API Credentials) or set AKOOL_CLIENT_ID",
            )
        return cid, secret

    def open_callback(self, body: bytes, keys: tuple[str, str]) -> dict[str, Any]:
        """One callback body checked and decrypted with `keys` (webhook_keys()): its JSON."""
        from akool_cli.core.callbacks import CallbackError, open_callback

        if not (
            isinstance(keys, tuple) and len(keys) == 2 and all(isinstance(k, str) for k in keys)
        ):
            raise UsageError(
                "keys must be two texts, (client_id, API key or client secret)",
                hint="pass what client.webhook_keys() returns",
            )
        try:
            event = open_callback(body, *keys)
        except CallbackError as exc:
            raise NotGenuineError(
                f"not a genuine AKOOL callback: {exc}",
                hint="if it did come from AKOOL, check --client-id (or AKOOL_CLIENT_ID) and the API "
                "key or client secret of the account whose job it reports",
            ) from None
        return event.raw

    def webhook_recorder(
        self,
        download_dir: Path | None,
        *,
        on_event: Callable[[Handled], None],
        on_warning: Callable[[str], None],
        cancel: threading.Event | None = None,
        keys: tuple[str, str] | None = None,
    ) -> Callable[[Callback], None]:
        """Applies each callback to the history once (a job never moves back), downloading a
        finished video into `download_dir` when given, then reports it to `on_event`. Setting
        `cancel` ends a download in progress at once (the receiver is stopping). `keys` are
        those that open the callbacks (webhook_keys(), the default)."""
        from akool_cli.webhooks.receiver import EventRecorder, download_into

        return EventRecorder(
            self.paths.journal_file,
            download_dir=download_dir,
            fetch=download_into(self.session.transport, self.paths.journal_file, cancel),
            emit=on_event,
            warn=on_warning,
            save_rest=self._rest_saver(),
            foreign=self._foreign_jobs(keys),
        )

    def _sealing_accounts(self, keys: tuple[str, str] | None) -> tuple[str, list[str]]:
        """This credential's fingerprint, and those of every credential of the same secret as
        the keys that open callbacks (the API key is the clientSecret): a job any of them made
        on this server is one whose callbacks those keys seal."""
        from akool_cli.store.credentials import Credential

        try:
            fingerprint = self.session.credential(to_send=False).account()
        except AkoolError:
            return "", []  # no credential: nothing is this receiver's but jobs from before accounts
        try:
            cid, secret = keys or self.webhook_keys()
        except AkoolError:
            return fingerprint, []  # no clientId: the callbacks cannot be opened here anyway
        key = Credential("api_key", "", api_key=secret)
        pair = Credential("client", "", client_id=cid, client_secret=secret)
        return fingerprint, [key.account(), pair.account()] if secret else []

    def _foreign_jobs(self, keys: tuple[str, str] | None = None) -> Callable[[Any, Any], str]:
        """Why a recorded job is not this receiver's to update ("" when it is): a callback is
        verified with this credential's keys, so it may speak only for a job this credential's
        account made, or on this server one made with the same secret (an API key, or a
        clientId with that clientSecret); one recorded before accounts were: made on this
        server. Anything else (a production job in a history a sandbox receiver shares: the
        sandbox's keys are public) is left alone."""
        from akool_cli.jobs.accounts import account_for

        try:
            base_url = self.base_url
        except AkoolError:
            base_url = ""
        fingerprint, sealing = self._sealing_accounts(keys)

        def foreign(record: Any, journal: Any) -> str:
            made_on = record.base_url or base_url
            if not record.account:  # recorded before accounts were: its server must be this one
                if made_on != base_url:
                    return f"it was made on {made_on}, not on {base_url or 'this server'}"
                return ""
            # The keys speak for their account's jobs wherever it made them (a leftover
            # AKOOL_BASE_URL is no reason to drop a genuine callback); never for another's.
            mine = account_for(journal, made_on, record.profile, fingerprint) if fingerprint else ""
            if mine == record.account or (made_on == base_url and record.account in sealing):
                return ""
            return (
                f"it was made on {made_on} with a credential whose secret does not open this "
                "callback (a different key or clientSecret)"
            )

        return foreign

    def _rest_saver(self) -> Callable[[str, Path, Any], None]:
        """What saves a recorded job's other files beside its result once a callback saved the
        result: its state asked of the server that made it (the result is kept, not fetched
        again). It outlives this client's connections (the receiver runs on)."""
        session, clock, base_url = self.session, self.clock, self.base_url
        refused: AuthError | None = None
        try:
            credential = self.credential()  # the receiver's; sent only to its own server
        except AuthError as exc:
            credential, refused = None, exc  # nothing to ask with: each such job is warned of

        def save_rest(job_id: str, path: Path, journal: Any) -> None:
            from akool_cli.core import kinds
            from akool_cli.jobs.watcher import Failed, Watcher

            record = journal.get(job_id)
            kind = kinds.get(record.kind) if record is not None else None
            if record is None or kind is None or not kind.files:
                return
            if credential is None:
                assert refused is not None
                raise refused
            if record.base_url not in ("", base_url):
                raise CredentialScopeError(
                    f"job {job_id} was made on {record.base_url}, not {base_url}",
                    hint=f"run akool watch {job_id} -o DIR/ with the credential that made it",
                )
            api = session.connect(base_url, record.profile, credential)
            try:
                with Watcher(api, journal, clock=clock) as watcher:
                    watcher.add(job_id, kind=kind, target=path, api=api)
                    for event in watcher.events():
                        if isinstance(event, Failed):
                            raise event.error
            finally:
                api.close()

        return save_rest

    def webhook_receiver(
        self,
        *,
        host: str,
        port: int,
        path: str,
        client_id: str | None = None,
        download_dir: Path | None = None,
        on_event: Callable[[Handled], None],
        on_reject: Callable[[str, str], None],
        on_warning: Callable[[str], None],
        cancel: threading.Event | None = None,
    ) -> WebhookReceiver:
        """A receiver for AKOOL's callbacks (not started): each verified, decrypted, answered
        200 and recorded; `serve_forever()` or `start()`/`stop()` it. Set `cancel` before
        stopping it to end a download in progress."""
        from akool_cli.core.validate import check_output_path
        from akool_cli.jobs.download import check_target, make_directory
        from akool_cli.webhooks.receiver import WebhookReceiver

        if download_dir is not None:
            download_dir = Path(check_output_path(download_dir, "the download folder"))
            check_target(download_dir / "placeholder.mp4", force=True, make_parent=True)
            make_directory(download_dir)
        cid, secret = self.webhook_keys(client_id)
        handle = self.webhook_recorder(
            download_dir,
            on_event=on_event,
            on_warning=on_warning,
            cancel=cancel,
            keys=(cid, secret),
        )
        try:
            return WebhookReceiver(
                host=host,
                port=port,
                path=path,
                client_id=cid,
                client_secret=secret,
                on_event=handle,
                on_reject=on_reject,
            )
        except OSError as exc:
            raise UsageError(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                hint="pick another --port (0 picks a free one), or stop what listens there",
            ) from None

    # -- local sandboxes --------------------------------------------------------------------

    def sandbox_record(self, base_url: str) -> Path | None:
        """Where a sandbox listening at base_url leaves its ready file (None without a port)."""
        from akool_cli.core.urls import parts_or_none

        port = parts_or_none(base_url).port
        return self.paths.data_dir / SANDBOXES_DIR / f"{port}.json" if port else None

    def sandbox_ready(self, info: dict[str, object], ready_file: Path | None) -> list[Path]:
        """A running sandbox's ready files, written privately (they hold its credentials): its
        record, where `webhook serve` pointed at it finds the clientId (best effort), then
        `ready_file`, last, since whoever waits for it may rely on the rest. Returns what was
        written, for removing when the sandbox stops."""
        from akool_cli.store.config import write_private_file

        written: list[Path] = []
        record = self.sandbox_record(str(info["base_url"]))
        try:
            if record is not None:
                write_private_file(record, json.dumps(info))
                written.append(record)
        except OSError:
            pass  # only a convenience for webhook serve; --client-id still works
        if ready_file is not None:
            try:
                write_private_file(ready_file, json.dumps(info))
            except OSError as exc:
                for path in written:
                    path.unlink(missing_ok=True)
                raise UsageError(
                    f"cannot write the ready file {ready_file}: {exc.strerror or exc}",
                    hint="pass a --ready-file in a folder you can write to",
                ) from None
            written.append(ready_file)
        return written

    def _sandbox_client_id(self) -> str:
        """The clientId of the sandbox at this base URL, from its ready file; or ""."""
        from akool_cli.core.urls import is_loopback_host, parts_or_none

        try:
            base_url = self.base_url
        except AkoolError:
            return ""  # not a sandbox's address; the caller asks for --client-id
        record = self.sandbox_record(base_url)
        if record is None or not is_loopback_host(parts_or_none(base_url).hostname or ""):
            return ""
        from akool_cli.core import bounded

        try:
            limit = bounded.STATE_FILE_BYTES  # a ready file is a few hundred bytes
            info = json.loads(bounded.read_regular_file(record, limit, str(record), "").decode())
        except (OSError, ValueError, UsageError):
            return ""  # not one a sandbox wrote: the caller asks for --client-id
        if not isinstance(info, dict) or info.get("base_url") != base_url.rstrip("/"):
            return ""
        return str(info.get("client_id") or "")
