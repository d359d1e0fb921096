"""A registry of AKOOL models the UI renders forms from."""

MODELS = [
    {
        "id": "talking-photo",
        "endpoint": "/api/open/v3/content/video/createbytalkingphoto",
        "method": "POST",
        "fields": [
            {"key": "talking_photo_url", "label": "Photo", "type": "string"},
            {"key": "audioUrl", "label": "Audio", "type": "string"},
        ],
    },
    {
        "id": "video-status",
        "endpoint": "/api/open/v3/content/video/infobymodelid",
        "method": "GET",
        "params": [{"name": "video_model_id", "label": "Video id"}],
    },
]


def build(model, values):
    return {f["key"]: values.get(f["key"]) for f in model["fields"]}
