"""Documented values only: image to video, avatars and voices."""
import requests

BASE = "https://openapi.akool.com/api/open"
KEY = {"x-api-key": "k"}

body = {"image_url": "https://x/i.png", "prompt": "slow zoom", "negative_prompt": ""}
body.update({"resolution": "1080p", "audio_type": 3, "video_length": 10})
requests.post(BASE + "/v4/image2Video/createBySourcePrompt", headers=KEY, json=body)
requests.get(BASE + "/v3/avatar/list", headers=KEY, params={"from": 3, "type": 2, "page": 1})
requests.get(BASE + "/v4/voice/list", headers=KEY, params={"type": 2, "support_stream": 1, "gender": "Male,Female", "style": "Calm"})
requests.post(BASE + "/v4/image2Video/updateVideoAudio", headers=KEY, json={"pre_video_id": "x", "audio_url": "https://x/a.mp3", "audio_type": 2})
requests.post(BASE + "/v4/voice/tts", headers=KEY, json={"input_text": "hi", "voice_id": "v1", "voice_options": {"emotion": "surprised"}})
