"""A batch row about to be made (billed) whose `output` file is there already is not made: the
row says so and names --force, as `talk -o FILE` refuses an existing file before billing (break17j
J16: a rehearsal's file in the folder, then the real run billed the row and kept the old file)."""

from __future__ import annotations

import json
from pathlib import Path

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

HEADER = "id,image_url,audio_url,output\n"


def test_a_row_whose_output_exists_is_not_made_until_force(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "rows.csv"
    rows.write_text(
        HEADER + "intro,https://e.com/j16.jpg,https://e.com/j16.mp3,intro.mp4\n"
        "outro,https://e.com/j16b.jpg,https://e.com/j16.mp3,outro.mp4\n"
    )
    videos = isolated.tmp / "videos"
    videos.mkdir()
    (videos / "intro.mp4").write_bytes(b"the rehearsal's video")
    result = invoke(["batch", str(rows), "-o", f"{videos}/", "--json"], expect=9)
    states = {r["id"]: r for r in json.loads(result.stdout)["results"]}
    assert states["intro"]["state"] == "error" and states["intro"]["job_id"] is None
    assert "--force" in states["intro"]["error"] and "nothing was sent" in result.stderr
    assert states["outro"]["state"] == "done"
    assert len(api_env.state.jobs) == 1  # only outro was made
    assert (videos / "intro.mp4").read_bytes() == b"the rehearsal's video"
    again = invoke(["batch", str(rows), "-o", f"{videos}/", "--force", "--json"])
    assert {r["state"] for r in json.loads(again.stdout)["results"]} == {"done"}
    assert len(api_env.state.jobs) == 2  # intro made once, outro picked up
    assert Path(videos / "intro.mp4").stat().st_size > 1000


def test_a_rerun_of_a_saved_batch_picks_its_rows_up(api_env: Sandbox, isolated: Isolation) -> None:
    rows = isolated.tmp / "rows.csv"
    rows.write_text(HEADER + "intro,https://e.com/j16c.jpg,https://e.com/j16.mp3,intro.mp4\n")
    videos = isolated.tmp / "videos"
    videos.mkdir()
    invoke(["batch", str(rows), "-o", f"{videos}/"])
    invoke(["batch", str(rows), "-o", f"{videos}/"])  # its own file: picked up, not refused
    assert len(api_env.state.jobs) == 1
