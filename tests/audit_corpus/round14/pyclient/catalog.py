from akool_http import akool_request


def voice_page(page):
    return akool_request("/v4/voice/list", params={"page": page, "size": 50})


def dubbing_voices():
    return akool_request("/v4/voice/list", params={"type": 2, "lang": "ja"})


# Right: as the docs give them.
def voice_page_right(page):
    return akool_request("/v4/voice/list", params={"type": 2, "page": page, "size": 50})


def with_options(**options):
    return akool_request("/v4/voice/list", **options)
