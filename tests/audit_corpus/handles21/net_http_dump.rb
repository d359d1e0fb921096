require "net/http"
require "json"

uri = URI("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
payload = {
  "talking_photo_url" => "https://example.com/face.jpg",
  "audio_url" => "https://example.com/a.mp3",
  "resolution" => "720p",
}
req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json", "x-api-key" => ENV["AKOOL_API_KEY"])
req.body = JSON.dump(payload)
res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
puts JSON.parse(res.body)["data"]["video_url"]
