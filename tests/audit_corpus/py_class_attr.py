"""Face swap client. See https://docs.akool.com/ai-tools-suite/faceswap for the fields."""

import requests


class FaceSwap:
    API_ROOT = "https://openapi.akool.com/api/open/v3"

    def __init__(self, key):
        self.key = key

    def _post(self, path, body):
        return requests.post(
            self.API_ROOT + path, json=body, headers={"x-api-key": self.key}
        ).json()

    def image(self, src, dst):
        return self._post(
            "/faceswap/highquality/specifyimage",
            {
                "sourceImage": [{"path": src}],
                "targetImage": [{"path": dst}],
                "face_enhance": 1,
                "modifyImage": dst,
            },
        )

    def live(self, src):
        return self._post(
            "/faceswap/live/create", {"sourceImage": [{"path": src}], "face_enhance": 1}
        )

    def results(self, ids):
        return requests.get(
            self.API_ROOT + "/faceswap/result/listbyids", params={"_ids": ",".join(ids)}
        ).json()
