from app.services.akool import akool_get


def language_codes():
    return [lang["lang_code"] for lang in akool_get("/api/open/v3/language/list")["data"]]


def first_resource():
    body = akool_get("/v4/voice/resource/list?type=1&page=1")
    data = body["data"]
    return data[0]


def language_names():
    body = akool_get("/api/open/v3/language/list")
    return [lang["lang_name"] for lang in body["data"]["lang_list"]]
