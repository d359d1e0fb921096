"""A query has no types: {"page": "1"} and {"page": 1} both send ?page=1. No finding."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v4"
H = {"x-api-key": os.environ.get("AKOOL_API_KEY", "")}
page = os.environ.get("PAGE", "1")
r = requests.get(f"{BASE}/liveAvatar/avatar/list", headers=H, params={"page": "1", "size": "100"})
r2 = requests.get(f"{BASE}/voice/list", headers=H, params={"type": "1", "page": page, "support_stream": "1"})
r3 = requests.get("https://openapi.akool.com/api/open/v3/avatar/list", headers=H, params={"from": "2", "type": "1"})
r4 = requests.get(f"{BASE}/voice/resource/list", headers=H, params={"type": 1})
