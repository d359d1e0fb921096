"""Our mirror of AKOOL job states (AKOOL_MIRROR_DB), served by our own backend."""

from .own_http import get

AKOOL_MIRROR_DB = "akool-mirror"


def akool_mirror_state(job_id):
    return get("/v4/headswap/task/info", params={"id": job_id, "db": AKOOL_MIRROR_DB})
