require "faraday"
require "json"

conn = Faraday.new(url: "https://openapi.akool.com")
headers = { "x-api-key" => ENV["AKOOL_API_KEY"], "Content-Type" => "application/json" }
body = { "talking_photo_url" => "https://example.com/a.jpg", "audio_url" => "https://example.com/a.mp3", "resolution" => "4k" }
res = conn.post("/api/open/v3/content/video/createbytalkingphoto", body.to_json, headers)
puts JSON.parse(res.body)["data"]["_id"]

def render(conn, prompt)
  conn.post("/api/open/v3/content/image/createbyprompt") do |r|
    r.headers["Content-Type"] = "application/json"
    r.body = JSON.generate({ prompt: prompt, scale: "1:1", colour: "red" })
  end
end
