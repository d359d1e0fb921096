"""A one-line settings helper with a default: its fallback path is the call's."""
import os, requests
BASE = "https://openapi.akool.com/api/open/v3"
def conf(key, default=None): return os.environ.get(key) or default
p = conf("STATUS_PATH", "/content/video/status")
requests.get(f"{BASE}{p}")
