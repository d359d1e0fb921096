require "excon"
require "json"

conn = Excon.new("https://openapi.akool.com", headers: { "x-api-key" => ENV["AKOOL_API_KEY"], "Content-Type" => "application/json" })

conn.post(path: "/api/open/v3/content/video/createbytalkingphoto", body: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p" }.to_json)

body = {
  talking_photo_url: "https://x/a.png"
}
conn.post(path: "/api/open/v3/content/video/createbytalkingphoto", body: body.to_json)

response = conn.get(path: "/api/open/v3/content/video/infobymodelid", query: { id: ARGV[0] })
data = JSON.parse(response.body)
puts data["data"]["url"]
if data["data"]["video_status"] == 5
  puts "done"
end
if data["code"] == 200
  puts "ok"
end

conn.post(path: "/api/open/v3/content/video/createbytalkingphoto2", body: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3" }.to_json)
