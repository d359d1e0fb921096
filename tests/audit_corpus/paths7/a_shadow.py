import requests
base = "https://openapi.akool.com/api/open/v3"
def a():
    return requests.get(f"{base}/avatars")
def b(env):
    base = env["url"]
    return requests.get(f"{base}/status")
