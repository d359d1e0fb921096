"""A query's values judged as text: a value none of the documented ones, a number out of range."""
import requests

BASE = "https://openapi.akool.com/api/open/v4"
requests.get(f"{BASE}/liveAvatar/avatar/list", params={"page": "1", "size": "500"})
requests.get(f"{BASE}/liveAvatar/session/list", params={"status": "7"})
requests.get(f"{BASE}/voice/resource/list", params={"type": 3})
