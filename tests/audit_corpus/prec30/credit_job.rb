require "httparty"

class ImageStatusJob
  BASE = "https://openapi.akool.com/api/open/v3"

  def perform(image_id)
    res = HTTParty.get("#{BASE}/content/image/infobymodelid", query: { _id: image_id }, headers: { "x-api-key" => ENV["AKOOL_API_KEY"] })
    res.parsed_response["data"]
  end
end
