"""break17h's findings fixed by fixC: each as the tester ran it, against the sandbox on a real port."""

from __future__ import annotations

import resource
import subprocess

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import AKOOL, process_env


def test_a_batch_of_speech_rows_on_a_full_disk_hints_only_batch_steps(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """H9: the closing hint of a batch whose speech could not be recorded names the batch's own
    way on (settle the row's attempt, run the batch again), never `talk --text`'s rerun, which
    would pay for another speech and a video the batch then makes again."""
    env = process_env(isolated.home, sandbox.base_url)
    rows = isolated.tmp / "r.csv"
    rows.write_text(
        "id,image_url,text,voice\n"
        "t1,https://example.com/bt1.jpg,Hello one,sbx-en-f-ava\n"
        "t2,https://example.com/bt2.jpg,Hello two,sbx-en-f-ava\n"
    )
    assert subprocess.run([AKOOL, "status"], env=env, capture_output=True).returncode == 0
    child: dict[str, int] = {}
    create = sandbox.state.create_speech

    def fill_the_disk(request: dict[str, object]) -> object:
        resource.prlimit(child["pid"], resource.RLIMIT_FSIZE, (1, 1))
        return create(request)

    sandbox.state.create_speech = fill_the_disk  # type: ignore[method-assign,assignment]
    process = subprocess.Popen(
        [AKOOL, "batch", str(rows), "-o", str(isolated.tmp / "out"), "-c", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    child["pid"] = process.pid
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 10, stderr
    [speech] = stdout.split()
    assert f"--created {speech}" in stderr  # the row's own hint: settle it, then the batch again
    assert "akool talk" not in stderr and "--text" not in stderr, stderr
    hint = [line for line in stderr.splitlines() if line.startswith("Hint:")][-1]
    assert "run the batch again" in hint, hint
