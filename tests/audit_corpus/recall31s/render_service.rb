require "faraday"

class RenderService
  BASE = "https://openapi.akool.com/api/open/v3/".freeze

  def initialize(api_key)
    @conn = Faraday.new(url: BASE, headers: { "x-api-key" => api_key }) do |f|
      f.request :json
      f.response :json
    end
  end

  def talk(photo_url, audio_url)
    @conn.post("content/video/createbytalkingphoto", talking_photo_url: photo_url, audio_url: audio_url, resolution: 1080).body
  end

  def poster(prompt)
    @conn.post("content/image/createbyprompt", prompt: prompt, scale: "1:1").body
  end
end
