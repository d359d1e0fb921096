require "httparty"

class Akool
  include HTTParty
  base_uri "https://openapi.akool.com/api/open/v3"
  headers "x-api-key" => ENV["AKOOL_API_KEY"], "Content-Type" => "application/json"

  def talk
    self.class.post("/content/video/createbytalkingphoto", body: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p" }.to_json)
  end

  def talk_held
    options = {
      talking_photo_url: "https://x/a.png"
    }
    self.class.post("/content/video/createbytalkingphoto", body: options.to_json)
  end

  def status(id)
    response = self.class.get("/content/video/infobymodelid", query: { id: id })
    puts response["data"]["url"]
    if response.parsed_response["data"]["video_status"] == 5
      puts "done"
    end
    if response["code"] == 200
      puts "ok"
    end
  end

  def retired
    self.class.post("/content/video/createbytalkingphoto2", body: { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3" }.to_json)
  end
end
