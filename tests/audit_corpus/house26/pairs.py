HOST_REWRITES = [("https://api.akool.com", "https://openapi.akool.com")]

def normalise(url):
    for old, new in HOST_REWRITES:
        if url.startswith(old):
            return new + url[len(old):]
    return url
