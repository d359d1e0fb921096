"""akool's settings file (config.json) is read, changed and replaced under a lock: two akool
processes writing at once (a `login` while `config set` runs, two CI jobs sharing AKOOL_HOME)
both keep their change, and the file is always whole JSON.

The test fails on akool before the fix (break17c): each writer read the file, changed its copy
and replaced the file, so a write that came between another's read and replace was lost.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import Isolation
from tests.support.runner import invoke, process_env

WRITERS, WRITES = 4, 60
# Each writer sets WRITES keys in its own profile, one write per key, never removing any: a
# write lost to another writer's stale copy leaves a key missing at the end.
WRITER = """
import sys
from akool_cli.store import config
p, name = config.paths(), sys.argv[1]
for i in range(int(sys.argv[2])):
    config.write_profile_setting(p, name, f"k{i}", str(i))
"""


def test_writers_at_once_lose_no_setting(isolated: Isolation) -> None:
    env = process_env(isolated.home)
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, f"w{n}", str(WRITES)], env=env)
        for n in range(WRITERS)
    ]
    assert [w.wait(120) for w in writers] == [0] * WRITERS
    profiles = json.loads((isolated.home / "config.json").read_text())["profiles"]
    missing = {
        name: WRITES - len(profiles.get(name, {}))
        for name in (f"w{n}" for n in range(WRITERS))
        if len(profiles.get(name, {})) != WRITES
    }
    assert missing == {}, missing


def test_config_set_beside_a_lock_file_still_works(isolated: Isolation) -> None:
    invoke(["config", "set", "upload-to", "s3://my-bucket/p/"])
    assert "s3://my-bucket/p/" in invoke(["config", "get", "upload-to"]).stdout
    assert (isolated.home / "config.json.lock").exists()
