require "typhoeus"
require "json"

BASE_URL = "https://openapi.akool.com/api/open/v3"
HEADERS = { "x-api-key" => ENV["AKOOL_API_KEY"], "Content-Type" => "application/json" }

Typhoeus.post("#{BASE_URL}/content/video/createbytalkingphoto", body: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p" }.to_json, headers: HEADERS)

body = {
  talking_photo_url: "https://x/a.png"
}
request = Typhoeus::Request.new("#{BASE_URL}/content/video/createbytalkingphoto", method: :post, body: JSON.generate(body), headers: HEADERS)
request.run

response = Typhoeus.get("#{BASE_URL}/content/video/infobymodelid", params: { id: ARGV[0] }, headers: HEADERS)
json = JSON.parse(response.body)
puts json.dig("data", "url")
if json.dig("data", "video_status") == 5
  puts "done"
end
if json["code"] == 200
  puts "ok"
end

Typhoeus.post("#{BASE_URL}/content/video/createbytalkingphoto2", body: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3" }.to_json, headers: HEADERS)
