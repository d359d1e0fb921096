require "net/http"
BASE = ENV.fetch("AKOOL_BASE", "https://openapi.akool.com/api/open/v3")
TALK = ENV.fetch("AKOOL_TALK", "/content/video/createbytalkingphoto")
STATUS = ENV["AKOOL_STATUS"] || "/content/video/status"

def talk
  Net::HTTP.post(URI("#{BASE}#{TALK}"), { talking_photo_url: "a", audio_url: "b", resolution: "720p" }.to_json)
end

def status
  Net::HTTP.get(URI("#{BASE}#{STATUS}"))
end
