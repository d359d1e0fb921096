require "faraday"
def info_good(id)
  conn = Faraday.new(url: "https://openapi.akool.com/api/open/v3")
  conn.get("content/video/infobymodelid", video_model_id: id)
end
