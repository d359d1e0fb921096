require "faraday"
require "json"

BASE = "https://openapi.akool.com"
conn = Faraday.new(url: BASE, headers: { "x-api-key" => ENV["AKOOL_API_KEY"], "Content-Type" => "application/json" })

res = conn.post("/api/open/v3/content/image/createbyprompt") do |req|
  req.body = { prompt: "a lighthouse at dusk", size: "16:9" }.to_json
end
puts JSON.parse(res.body)["data"]["_id"]

talk = conn.post("/api/open/v3/content/video/createbytalkingphoto") { |req| req.body = { talking_photo_url: "https://example.com/a.jpg", audio_url: "https://example.com/a.mp3", resolution: "720p" }.to_json }
puts talk.status
