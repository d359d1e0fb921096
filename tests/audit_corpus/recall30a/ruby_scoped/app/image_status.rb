require "httparty"
require_relative "../lib/akool_api"

class ImageStatus
  def call(id)
    res = HTTParty.get("#{AkoolApi::BASE_URL}/content/image/infobymodelid", query: { image_model_id: id }, headers: { "x-api-key" => AkoolApi::KEY })
    res.parsed_response.dig("data", "image_url")
  end
end
