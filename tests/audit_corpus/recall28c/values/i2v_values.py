import requests

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
H = {"x-api-key": "k"}

requests.post(f"{V4}/image2Video/createBySourcePrompt", headers=H, json={
    "image_url": "https://x/i.png",
    "prompt": "slow zoom",
    "negative_prompt": "",
    "resolution": "1080p",
    "audio_type": 5,
    "video_length": 8,
})
requests.get(f"{V3}/avatar/list", headers=H, params={"from": 7, "page": 1})
requests.get(f"{V3}/avatar/list", headers=H, params={"type": 4})
requests.get(f"{V4}/voice/list", headers=H, params={"type": 9})
requests.get(f"{V4}/voice/list", headers=H, params={"type": 1, "support_stream": 0})
requests.post(f"{V4}/image2Video/updateVideoAudio", headers=H, json={"pre_video_id": "x", "audio_url": "https://x/a.mp3", "audio_type": 3})
requests.post(f"{V4}/voice/tts", headers=H, json={"input_text": "hi", "voice_id": "v1", "voice_options": {"emotion": "excited"}})
