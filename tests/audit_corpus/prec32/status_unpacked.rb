require "httparty"
DONE, FAILED = 3, 4
d = HTTParty.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid", query: { video_model_id: ARGV[0] }).parsed_response["data"]
raise "failed" if d["video_status"] == FAILED
puts d["video"] if d["video_status"] == DONE
