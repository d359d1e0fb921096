"""The service's own HTTP helpers: every path is our backend's, on localhost."""

import requests

OWN = "http://localhost:8000"


def get(path, **kw):
    return requests.get(OWN + path, **kw)
