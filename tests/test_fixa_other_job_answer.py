"""A status answer that carries another job's `_id` (a broken caching proxy serving one job's
status for another) is an unusable answer: never taken for the job asked about, nothing saved
or written to either job's row, the command exits 5 naming both ids (break17h H2).

Fails on akool before the fix: `watch A -o` saved job B's video as A's and recorded it so, and
`status --json A` printed `"id": B`.
"""

from __future__ import annotations

import json
from typing import Any

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

E = "https://example.com"


class Swapped(dict[str, Any]):
    """The sandbox's jobs, looked up as a broken cache would: `asked` answered with `given`."""

    def __init__(self, jobs: dict[str, Any], asked: str, given: str) -> None:
        super().__init__(jobs)
        self.asked, self.given = asked, given

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(self.given if key == self.asked else key, default)


def test_a_status_answer_of_another_job_is_never_adopted(
    api_env: Sandbox, isolated: Isolation
) -> None:
    a = invoke(["talk", f"{E}/wa.jpg", f"{E}/hi.mp3", "--prompt", "nods"]).stdout.strip()
    b = invoke(["talk", f"{E}/wb.jpg", f"{E}/hi.mp3", "--prompt", "waves"]).stdout.strip()
    isolated.clock.advance(10)
    api_env.state.jobs = Swapped(api_env.state.jobs, a, b)
    out = isolated.tmp / "out"
    watched = invoke(["watch", a, "-o", f"{out}/"], expect=5)
    assert a in watched.stderr and b in watched.stderr, watched.stderr
    assert not out.exists() or list(out.iterdir()) == []
    shown = invoke(["status", "--json", a], expect=None)
    views = json.loads(shown.stdout)
    assert [v["id"] for v in views] == [a], views
    assert views[0]["downloaded_path"] is None and views[0]["state"] != "done", views
    api_env.state.jobs = dict(api_env.state.jobs)  # the cache is mended
    [mine] = json.loads(invoke(["status", "--json", b]).stdout)
    assert mine["id"] == b and mine["downloaded_path"] is None, mine
    assert mine["video_url"].endswith(f"{b}.mp4"), mine  # B's row holds B's own state only
    invoke(["watch", a, "-o", f"{out}/"])
    assert [p.name for p in out.iterdir()] == [f"{a}.mp4"]
