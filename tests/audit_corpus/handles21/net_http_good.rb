require "net/http"
require "json"

# Documented fields and values, a request object reused for a second call: nothing to report.
BASE = ENV.fetch("AKOOL_BASE_URL", "https://openapi.akool.com/api/open/v3")
KEY = ENV.fetch("AKOOL_API_KEY")

uri = URI("#{BASE}/content/video/createbytalkingphoto")
req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json", "x-api-key" => KEY)
req.body = { talking_photo_url: "https://example.com/face.jpg", audio_url: "https://example.com/a.mp3", resolution: "1080", webhookUrl: "https://example.com/hook" }.to_json
res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
video = JSON.parse(res.body)["data"]
puts video["_id"]

uri = URI("#{BASE}/content/image/createbyprompt")
req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json", "x-api-key" => KEY)
req.body = JSON.generate({ "prompt" => "a dog", "scale" => "1:1" })
res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
puts JSON.parse(res.body)["data"]["image_status"]
