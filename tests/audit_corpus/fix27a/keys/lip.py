import requests
V3 = "https://openapi.akool.com/api/open/v3"
def lip(kind_v, kind_a, v, a):
    return requests.post(f"{V3}/content/video/lipsync", json={f"{kind_v}_url": v, f"{kind_a}_url": a})
def lip2(v, a):
    return requests.post(f"{V3}/content/video/lipsync", json={"%s_url" % "video": v, "{}_url".format("audio"): a})
def lip3(v, a, hook):
    return requests.post(f"{V3}/content/video/lipsync", json={"video_url": v, "audio_url": a, "webhook" + "Url": hook})
def lip4(v, a):
    return requests.post(f"{V3}/content/video/lipsync", json={"video": v, "audio_url": a})
