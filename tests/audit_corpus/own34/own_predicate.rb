require "net/http"
require "json"

def delivered?(job)
  job["video_status"] == 5
end

def create(token)
  uri = URI("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
  res = Net::HTTP.post(uri, { talking_photo_url: "u", audio_url: "a" }.to_json, "Authorization" => "Bearer #{token}")
  JSON.parse(res.body)["data"]["_id"]
end
