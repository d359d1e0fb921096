require "httparty"

API = "https://openapi.akool.com/api/open/v3"

def once(key, id)
  d = HTTParty.get("#{API}/content/video/infobymodelid",
                   query: { video_model_id: id }, headers: { "x-api-key" => key }).parsed_response["data"]
  return d["video"] if d["video_status"] == "3"
  nil
end
