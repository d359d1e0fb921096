require "httparty"

HEADERS = { "x-api-key" => ENV.fetch("AKOOL_API_KEY"), "Content-Type" => "application/json" }

def talk(photo, audio)
  HTTParty.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
                headers: HEADERS, body: { talking_photo_url: photo, audio_url: audio, prompt: 42 }.to_json)
end

def forget(ids)
  HTTParty.post("https://openapi.akool.com/api/open/v4/voice/del",
                headers: HEADERS, body: { _ids: ids.join(",") }.to_json)
end
