require "rest-client"
require "json"

API = ENV["AKOOL_BASE"] || "https://openapi.akool.com/api/open/v3"
HEADERS = { "x-api-key" => ENV["AKOOL_API_KEY"], content_type: :json, accept: :json }

RestClient.post("#{API}/content/video/createbytalkingphoto", { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p" }.to_json, HEADERS)

payload = {
  talking_photo_url: "https://x/a.png"
}
RestClient.post "#{API}/content/video/createbytalkingphoto", payload.to_json, HEADERS

response = RestClient.get("#{API}/content/video/infobymodelid", { "x-api-key" => ENV["AKOOL_API_KEY"], params: { id: ARGV[0] } })
result = JSON.parse(response.body)
puts result["data"]["url"]
if result["data"]["video_status"] == 5
  puts "done"
end
if result["code"] == 200
  puts "ok"
end

RestClient.post("#{API}/content/video/createbytalkingphoto2", { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3" }.to_json, HEADERS)
