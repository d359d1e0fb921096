from app.services.akool import call_akool


def translate(video_url, lang):
    return call_akool("/v3/video/translate", {"url": video_url, "language": lang})


def clone_voice(sample):
    return call_akool("/api/open/v3/voice/clone", {"source_voice_file": sample, "name": "mine"})


def speak(text, voice):
    return call_akool("/v1/text-to-speech", {"input_text": text, "voice_id": voice})


def documented(image, audio):
    return call_akool("/api/open/v3/content/video/createbytalkingphoto", {"talking_photo_url": image, "audio_url": audio})
