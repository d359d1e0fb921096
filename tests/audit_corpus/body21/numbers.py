"""Numbers as Python writes them."""
import requests

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"


def age(image, modify):
    return requests.post(f"{V3}/faceswap/highquality/imgreage", json={"targetImage": image, "modifyImage": modify, "face_reage": 1_000})


def speak(text):
    return requests.post(f"{V4}/voice/tts", json={"input_text": text, "voice_id": "v", "voice_options": {"speed": float("nan")}})
