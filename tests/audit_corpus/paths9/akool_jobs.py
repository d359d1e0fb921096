"""AKOOL jobs for the media pipeline: create, then poll by job kind.

The HTTP session (base URL, retries, auth) lives in app.net.request_utils, shared by every
service of the app; this module only knows AKOOL's paths.
"""

import os

from app.net.request_utils import get, post

AKOOL_API_KEY = os.environ["AKOOL_API_KEY"]
AKOOL_HEADERS = {"x-api-key": AKOOL_API_KEY}

# Where each kind of AKOOL job is polled.
AKOOL_STATUS_PATHS = {
    "faceswap": "/v3/faceswap/result/listbyids",
    "talking_photo": "/v3/content/video/infobymodelid",
    "headswap": "/v4/headswap/task/info",
}


def akool_create_image(prompt):
    body = {"prompt": prompt, "size": "1:1"}
    return post("/v3/content/image/createbyprompt", json=body, headers=AKOOL_HEADERS)


def akool_poll(kind, job_id):
    return get(AKOOL_STATUS_PATHS[kind], params={"_ids": job_id}, headers=AKOOL_HEADERS)


def akool_lipsync_status(job_id):
    return get("/v4/lipsync/info", params={"id": job_id}, headers=AKOOL_HEADERS)


def akool_get(path, **params):
    return get(path, params=params, headers=AKOOL_HEADERS)


def akool_voices():
    return akool_get("/v4/voice/lists", type=1)
