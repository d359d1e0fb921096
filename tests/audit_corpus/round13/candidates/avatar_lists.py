import os

import requests

AKOOL = "https://openapi.akool.com/api/open"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def avatars():
    for url in (
        f"{AKOOL}/v3/avatar/list?from=2&locale=en",
        f"{AKOOL}/v4/liveAvatar/avatar/list?page=1&size=20",
    ):
        r = requests.get(url, headers=HEADERS)
        if r.ok:
            return r.json()
    return None
