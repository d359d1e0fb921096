from job_client import akool_get_json, akool_send

JOB_PATHS = {
    "video": {
        "get_path": "/v3/content/video/infobymodelid",
        "fallback": "/v3/content/video/getresult",
    },
    "image": {
        "get_path": "/v3/content/image/infobymodelid",
        "fallback": "/v3/content/image/getresult",
    },
    "swap": {"get_path": "/v3/faceswap/result/listbyids", "fallback": "/v3/faceswap/result/get"},
}


def poll(kind, task_id):
    config = JOB_PATHS[kind]
    got = akool_get_json(config["get_path"], params={"_ids": task_id})
    if got.get("code") == 1000:
        return got
    return akool_send(config["fallback"], {"_id": task_id})
