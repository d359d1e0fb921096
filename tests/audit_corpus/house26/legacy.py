LEGACY = ("https://api.akool.com", "http://api.akool.com")

def is_legacy(url):
    return any(url.startswith(h) for h in LEGACY) or url in LEGACY
