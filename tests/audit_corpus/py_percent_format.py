import requests

API = "https://openapi.akool.com/api/open"


def result(job_id):
    return requests.get("%s/v3/content/video/result/%s" % (API, job_id)).json()


def languages():
    return requests.get("{}/v3/language/list".format(API)).json()


def translate(url, lang):
    return requests.post(
        "{}/v3/content/video/translate".format(API), json={"url": url, "language": lang}
    ).json()
