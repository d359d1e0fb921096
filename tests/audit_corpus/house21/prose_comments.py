import httpx

# httpx base_url + "/content/..." keeps the base path: fine
# real URL: https://openapi.akool.com/api/open/content/video/infobymodelid (v3 dropped)
# fetching https://openapi.akool.com/api/open/v3/content/video/status (gone since 2024)
c = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")


def status(video_id):
    # e.g. c.get("/content/video/status")
    # c.get("/content/video/getvideostatus", params={"task_id": video_id})
    return c.get("/content/video/infobymodelid", params={"video_model_id": video_id}).json()
