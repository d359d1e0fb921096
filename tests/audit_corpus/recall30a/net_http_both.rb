require "net/http"
require "json"

BASE = "https://openapi.akool.com/api/open/v3"

def video_status(id, token)
  uri = URI("#{BASE}/content/video/infobymodelid?video_model_id=#{id}")
  req = Net::HTTP::Get.new(uri)
  req["x-api-key"] = ENV.fetch("AKOOL_API_KEY")
  req["Authorization"] = "Bearer #{token}"
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
  JSON.parse(res.body).dig("data", "video_status")
end
