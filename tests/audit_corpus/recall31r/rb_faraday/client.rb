require "faraday"
require "json"

class AkoolClient
  DEFAULT_BASE = "https://openapi.akool.com/api/open/v3/"

  def initialize(key, base: DEFAULT_BASE)
    @conn = Faraday.new(url: base, headers: { "x-api-key" => key }) do |f|
      f.request :json
      f.response :json
    end
  end

  def talk
    @conn.post("content/video/createbytalkingphoto", { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p" })
  end

  def talk_held
    body = {
      talking_photo_url: "https://x/a.png"
    }
    @conn.post("content/video/createbytalkingphoto") do |req|
      req.body = body
    end
  end

  def status(id)
    res = @conn.get("content/video/infobymodelid", id: id)
    puts res.body["data"]["url"]
    if res.body.dig("data", "video_status") == 5
      puts "done"
    end
    if res.body["code"] == 200
      puts "ok"
    end
  end

  def retired
    @conn.post("content/video/createbytalkingphoto2", { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3" })
  end
end
