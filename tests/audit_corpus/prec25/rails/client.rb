require "httparty"

class AkoolClient
  include HTTParty
  base_uri "https://openapi.akool.com/api/open/v3"

  def talk(photo, audio)
    self.class.post("/content/video/createByTalkingPhoto", body: { talking_photo_url: photo, audio_url: audio }.to_json)
  end
end
