require "net/http"
require "json"

# A talking photo with Net::HTTP: the request object made first, its body set on it.
BASE = ENV.fetch("AKOOL_BASE_URL", "https://openapi.akool.com/api/open/v3")
uri = URI("#{BASE}/content/video/createbytalkingphoto")
req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json", "x-api-key" => ENV["AKOOL_API_KEY"])
req.body = { talking_photo_url: "https://example.com/face.jpg", audio_url: "https://example.com/a.mp3", resolution: "2k", webhook: "" }.to_json
res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
puts JSON.parse(res.body)["data"]["id"]
