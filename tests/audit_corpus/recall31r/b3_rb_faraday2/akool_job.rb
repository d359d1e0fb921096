require "faraday"
require "json"

class AkoolJob
  API_ROOT = ENV.fetch("AKOOL_API_ROOT", "https://openapi.akool.com/api/open/v3")
  HEADERS = { "Content-Type" => "application/json", "x-api-key" => ENV["AKOOL_API_KEY"] }

  def perform(photo, audio)
    payload = { talking_photo_url: photo, audio_url: audio, resolution: "720P" }
    res = Faraday.post("#{API_ROOT}/content/video/createbytalkingphoto", payload.to_json, HEADERS)
    body = JSON.parse(res.body, symbolize_names: true)
    raise body[:msg] unless body[:code] == 0
    poll(body[:data][:_id])
  end

  def poll(id)
    res = Faraday.get("#{API_ROOT}/content/video/infobymodelid", { video_model_id: id }, HEADERS)
    info = JSON.parse(res.body)
    info.dig("data", "video_url")
  end
end
