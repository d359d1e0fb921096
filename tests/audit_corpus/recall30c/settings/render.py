import os

import requests

AKOOL = {"base": os.environ.get("AKOOL_BASE", "https://openapi.akool.com/api/open/v3"), "key": os.environ.get("AKOOL_API_KEY", "")}


def render(prompt):
    return requests.post(AKOOL["base"] + "/content/image/createbyimagine", json={"prompt": prompt}, headers={"x-api-key": AKOOL["key"]})
