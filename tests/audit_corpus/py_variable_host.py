"""Talks to AKOOL through a host that comes from the environment."""

import os

import requests

HOST = os.environ["AKOOL_HOST"]
KEY = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def quota():
    return requests.get(f"{HOST}/api/open/v3/faceswap/quota/info", headers=KEY).json()


def swap(src, dst):
    return requests.post(
        f"{HOST}/api/v2/faceswap/swap", json={"source": src, "target": dst}, headers=KEY
    ).json()


def result(job):
    return requests.get("%s/v3/content/video/result/%s" % (HOST, job), headers=KEY).json()


def health():
    return requests.get(f"{HOST}/healthz").json()
