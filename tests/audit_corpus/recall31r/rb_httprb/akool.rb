require "http"

BASE = "https://openapi.akool.com/api/open/v3"
client = HTTP.headers("x-api-key" => ENV["AKOOL_API_KEY"])

client.post("#{BASE}/content/video/createbytalkingphoto", json: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p" })

params = {
  talking_photo_url: "https://x/a.png"
}
client.post("#{BASE}/content/video/createbytalkingphoto", json: params)

response = client.get("#{BASE}/content/video/infobymodelid", params: { id: ARGV[0] })
data = response.parse
puts data["data"]["url"]
if data["data"]["video_status"] == 5
  puts "done"
end
if data["code"] == 200
  puts "ok"
end

client.post("#{BASE}/content/video/createbytalkingphoto2", json: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3" })
