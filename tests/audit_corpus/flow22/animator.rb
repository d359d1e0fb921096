require "faraday"
require "json"

BASE = "https://openapi.akool.com/api/open/v3"

# A Faraday client held in an instance variable: the usual Ruby class shape.
class Animator
  def initialize(key)
    @conn = Faraday.new(url: BASE, headers: { "x-api-key" => key })
  end

  def talk
    @conn.post("content/video/createbytalkingphoto",
               { talking_photo_url: "a", audio_url: "b", resolution: "720p" }.to_json)
  end

  def effects
    JSON.parse(@conn.get("https://openapi.akool.com/api/open/v4/image2Video/effect/list").body)
  end
end
