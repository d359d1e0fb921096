# Silent: each GET sends the required video_model_id (a keyword, a block, a query set on the URI).
require "faraday"
require "net/http"
conn = Faraday.new(url: "https://openapi.akool.com")
conn.get("/api/open/v3/content/video/infobymodelid", video_model_id: id)
conn.get("/api/open/v3/content/video/infobymodelid") { |req| req.params["video_model_id"] = id }
uri = URI("https://openapi.akool.com/api/open/v3/content/video/infobymodelid")
uri.query = URI.encode_www_form(video_model_id: id)
Net::HTTP.get_response(uri)
