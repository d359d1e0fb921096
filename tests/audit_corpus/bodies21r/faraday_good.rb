require "faraday"
require "json"

BASE = "https://openapi.akool.com"
conn = Faraday.new(url: BASE, headers: { "x-api-key" => ENV["AKOOL_API_KEY"], "Content-Type" => "application/json" })

res = conn.post("/api/open/v3/content/image/createbyprompt") do |req|
  req.body = { prompt: "a lighthouse at dusk", scale: "16:9" }.to_json
end
puts JSON.parse(res.body)["data"]["_id"]
body = { talking_photo_url: "https://example.com/a.jpg", audio_url: "https://example.com/a.mp3", resolution: "720" }
conn.post("/api/open/v3/content/video/createbytalkingphoto", body.to_json, { "Content-Type" => "application/json" })
