import responses
import requests_mock
import respx
import httpx

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"


@responses.activate
def test_responses():
    responses.add(responses.POST, TALK, json={"code": 1000, "data": {"_id": "x"}})
    responses.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", json={"code": 1000, "data": {"_id": "x"}})
    responses.add(responses.POST, "https://openapi.akool.com/api/open/v3/content/image/createbyprompt", json={"code": 1000, "data": {"size": "1:1"}})


def test_requests_mock():
    with requests_mock.Mocker() as m:
        m.post(TALK, json={"code": 1000, "data": {"_id": "x"}})
        m.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", json={"code": 1000, "data": {"size": "1:1"}})


def test_requests_mock_fixture(requests_mock):
    requests_mock.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", json={"code": 1000, "data": {"size": "1:1"}})


@respx.mock
def test_respx():
    respx.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt").mock(return_value=httpx.Response(200, json={"code": 1000, "size": "1:1"}))


def test_httpx_mock(httpx_mock):
    httpx_mock.add_response(method="POST", url="https://openapi.akool.com/api/open/v3/content/image/createbyprompt", json={"code": 1000, "data": {"size": "1:1"}})
