require "net/http"
require "json"
require "ostruct"

AKOOL_API = "https://openapi.akool.com/api/open/v3"

def video_status(id)
  uri = URI("#{AKOOL_API}/content/video/infobymodelid")
  uri.query = URI.encode_www_form(video_model_id: id)
  res = Net::HTTP.get_response(uri, { "x-api-key" => ENV["AKOOL_API_KEY"] })
  answer = JSON.parse(res.body, object_class: OpenStruct)
  raise answer.msg unless answer.code == 1000
  return answer.data.video_url if answer.data.video_status == 3
  raise "failed" if answer.data.video_status == 5
  nil
end
