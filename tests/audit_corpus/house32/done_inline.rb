require "json"
require "net/http"

def once(id)
  uri = URI("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=#{id}")
  d = JSON.parse(Net::HTTP.get(uri))["data"]
  if [2, 3].include?(d["video_status"])
    return d["video"]
  end
  nil
end
