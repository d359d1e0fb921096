import responses
import requests_mock

BASE = "https://openapi.akool.com/api/open/v3"


@responses.activate
def test_create():
    responses.add(responses.POST, f"{BASE}/content/video/createbytalkingphoto",
                  json={"code": 1000, "msg": "OK", "data": {"_id": "abc", "video_status": 1}}, status=200)
    responses.post(f"{BASE}/content/image/createbyprompt", json={"code": 1000, "data": {"_id": "i1", "image_status": 1}})
    from myapp.akool import create
    assert create("p", "a") == "abc"


def test_poll():
    with requests_mock.Mocker() as m:
        m.get(f"{BASE}/content/video/infobymodelid", json={"code": 1000, "data": {"video_status": 3, "video": "https://v"}})
        m.post(f"{BASE}/faceswap/highquality/specifyimage", json={"code": 1000, "data": {"_id": "j", "job_id": "1", "url": "u"}})
        from myapp.akool import poll
        assert poll("abc") == "https://v"
