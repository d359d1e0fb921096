"""Notes on AKOOL's status endpoints.

AKOOL never documented /v4/lipsync/info or /v4/headswap/task/info; we poll
/v3/content/video/infobymodelid instead, through app.net.request_utils.get.
"""

import logging

from app.net.request_utils import get

log = logging.getLogger("akool")

# AKOOL's old /v4/headswap/task/info path answered 404 in March, so it is not used below.
AKOOL_INFO = "/api/open/v3/content/video/infobymodelid"


def akool_info(model_id):
    log.info("AKOOL: polling /v4/lipsync/info is not supported, using %s", AKOOL_INFO)
    return get(AKOOL_INFO, params={"video_model_id": model_id})
