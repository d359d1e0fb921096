"""Worker for AKOOL face swap jobs (queue: akool-faceswap)."""

import services.transport as http

AKOOL_QUEUE = "akool-faceswap"


def akool_swap(source, target):
    payload = {"sourceImage": [{"path": source}], "targetImage": [{"path": target}], "face_enhance": 1}
    return http.post("/v3/faceswap/highquality/specifyimage", json=payload)


def akool_swap_result(job_id):
    return http.get("/v3/faceswap/result/list", params={"_ids": job_id})
