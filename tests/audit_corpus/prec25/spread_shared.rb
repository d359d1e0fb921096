require "httparty"
BASE = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
DEFAULTS = { resolution: "720p" }
def talk(p, a) = HTTParty.post("#{BASE}/content/video/createbytalkingphoto", body: { **DEFAULTS, talking_photo_url: p, audio_url: a }.to_json)
def head(v, img) = HTTParty.post("#{V4}/headswap/task/create", body: { **DEFAULTS, video_url: v, model_name: "m", mappings: [{ obj_id: 1, img_url: img }] }.to_json)
