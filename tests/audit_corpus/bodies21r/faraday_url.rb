require "faraday"

conn = Faraday.new(url: "https://openapi.akool.com") do |f|
  f.request :json
  f.response :json
end

resp = conn.post do |req|
  req.url "/api/open/v3/content/image/createbyprompt"
  req.headers["x-api-key"] = ENV["AKOOL_API_KEY"]
  req.body = { prompt: "a cat", size: "1:1" }
end
puts resp.body["data"]["_id"]

conn.post do |r|
  r.url("/api/open/v3/content/video/createbytalkingphoto")
  r.body = { talking_photo_url: "https://x/a.jpg", audio_url: "https://x/a.mp3", resolution: "720p" }
end
