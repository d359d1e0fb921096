require "net/http"
require "json"
BASE = "https://openapi.akool.com/api/open/v3"
def info(id)
  j = JSON.parse(Net::HTTP.get(URI("#{BASE}/content/video/infobymodelid?video_model_id=#{id}")))
  begin
    save(j["data"]["video"])
  rescue StandardError => j
    puts j["message"]
  end
  j["data"]["video_status"]
end
