require "faraday"
require "json"

# A Ruby hash given to JSON.generate / JSON.dump without its braces.
conn = Faraday.new(url: "https://openapi.akool.com", headers: { "x-api-key" => ENV["AKOOL_API_KEY"] })
conn.post("/api/open/v3/content/image/createbyprompt", JSON.generate(prompt: "a cat", size: "1:1"), "Content-Type" => "application/json")
conn.post("/api/open/v3/content/video/createbytalkingphoto") do |req|
  req.headers["Content-Type"] = "application/json"
  req.body = JSON.dump("talking_photo_url" => "https://example.com/a.jpg", "audio_url" => "https://example.com/a.mp3", "resolution" => "1080")
end
