import re

LEGACY_HOSTS = ("https://api.akool.com", "http://api.akool.com")
OLD = re.compile(r"^https?://api\.akool\.com")


def modernise(url: str) -> str:
    if url.startswith(LEGACY_HOSTS):
        return OLD.sub("https://openapi.akool.com", url)
    return url


def is_legacy(url: str) -> bool:
    return url.split("/")[2] in {"api.akool.com", "sg3.akool.com"}
