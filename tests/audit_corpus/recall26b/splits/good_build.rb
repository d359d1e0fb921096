require "net/http"
AKOOL = { host: "openapi.akool.com", root: "/api/open/v3" }
def status(key, id)
  uri = URI::HTTPS.build(host: AKOOL[:host], path: "#{AKOOL[:root]}/content/video/infobymodelid", query: "video_model_id=#{id}")
  Net::HTTP.get_response(uri)
end
