require "httpx"

BASE = ENV.fetch("AKOOL_BASE") { "https://openapi.akool.com/api/open/v3" }
http = HTTPX.with(headers: { "x-api-key" => ENV["AKOOL_API_KEY"] })

http.post("#{BASE}/content/video/createbytalkingphoto", json: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p" })

body = {
  talking_photo_url: "https://x/a.png"
}
http.post("#{BASE}/content/video/createbytalkingphoto", json: body)

response = http.get("#{BASE}/content/video/infobymodelid", params: { id: ARGV[0] })
data = response.json
puts data["data"]["url"]
if data["data"]["video_status"] == 5
  puts "done"
end
if data["code"] == 200
  puts "ok"
end

http.post("#{BASE}/content/video/createbytalkingphoto2", json: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3" })
