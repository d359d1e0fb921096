import requests
SETTINGS = {"akool": {"base": "https://openapi.akool.com/api/open/v3"}}
def status(key, vid):
    return requests.get(SETTINGS["akool"]["base"] + f"/content/video/status/{vid}", headers={"x-api-key": key}).json()
