import os

import requests

# No fallback: AKOOL's own base, so a guessed path under it is still reported.
AKOOL_DIRECT_BASE = os.environ["AKOOL_DIRECT_BASE_URL"]


def talking_photo(body):
    return requests.post(f"{AKOOL_DIRECT_BASE}/content/video/talkingphoto", json=body).json()
