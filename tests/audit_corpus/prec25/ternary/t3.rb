require "json"
require "net/http"
BASE = "https://openapi.akool.com/api/open/v3"
def f(id)
  data = JSON.parse(Net::HTTP.get(URI("#{BASE}/content/video/infobymodelid?video_model_id=#{id}")))["data"]
  return data["video"] if data["video_status"] == 2
  nil
end
def g(id)
  data = JSON.parse(Net::HTTP.get(URI("#{BASE}/content/video/infobymodelid?video_model_id=#{id}")))["data"]
  data.dig("video_status") == 2 ? data["video"] : nil
end
