"""Head swap from `akool mcp`: its create tool answers as soon as AKOOL took the (free) analysis
of the video, with the analysis's id, as every create tool answers within seconds; the analysis
(which may outlast a client's ~60 s call timeout) is followed and the billed task made on a
thread of the session, and `wait`, `status` and `download` follow that id to the job it becomes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from akool_cli.client import Job
from akool_cli.core.errors import AkoolError

Make = Callable[[Callable[[str], None]], Job]  # given on_analysis, makes the job


@dataclass
class Staged:
    """One head swap on its way: the analysis's id once AKOOL took it, then the job or why not."""

    analysis_id: str = ""
    job: Job | None = None
    error: AkoolError | None = None
    sent: threading.Event = field(default_factory=threading.Event)  # analysis taken, or over
    over: threading.Event = field(default_factory=threading.Event)  # the job made, or refused

    @property
    def failed(self) -> bool:
        return self.over.is_set() and self.error is not None


class StagedJobs:
    """The session's staged head swaps, by claim key (a retried call finds its own) and by the
    analysis's id (what the create tool returned)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_key: dict[str, Staged] = {}
        self._by_id: dict[str, Staged] = {}

    def start(self, key: str, make: Make) -> tuple[Staged, bool]:
        """The head swap of this claim key and whether an earlier call started it (a retry);
        returns once AKOOL took the analysis, or once it ended before that (an input refused,
        a job made already: then `over`). One that failed is started again."""
        with self._lock:
            found = self._by_key.get(key)
            if found is None or found.failed:
                found = None
                staged = self._by_key[key] = Staged()
        if found is not None:
            found.sent.wait()
            return found, True

        def on_sent(analysis_id: str) -> None:
            with self._lock:
                staged.analysis_id = analysis_id
                self._by_id[analysis_id] = staged
            staged.sent.set()

        threading.Thread(
            target=_run, args=(staged, make, on_sent), name="akool-headswap", daemon=True
        ).start()
        staged.sent.wait()
        return staged, False

    def find(self, job_id: str) -> Staged | None:
        """The staged head swap a create tool answered with this id, if any."""
        with self._lock:
            return self._by_id.get(job_id)


def _run(staged: Staged, make: Make, on_sent: Callable[[str], None]) -> None:
    try:
        staged.job = make(on_sent)
    except AkoolError as exc:
        staged.error = exc
    except Exception as exc:  # a bug: said where the job is asked about, never lost silently
        staged.error = AkoolError(
            f"the head swap stopped: unexpected {type(exc).__name__}: {str(exc)[:200]}",
            hint="run akool mcp with AKOOL_DEBUG=1 to see the traceback, and report it",
        )
    finally:
        staged.over.set()
        staged.sent.set()
