# frozen_string_literal: true

require "faraday"
require "json"

# Polls a talking-photo video with Faraday, its verbs called without parentheses.
class AkoolVideos
  def initialize(key)
    @conn = Faraday.new(url: "https://openapi.akool.com/api/open/v3/", headers: { "x-api-key" => key })
  end

  def create(photo, audio)
    @conn.post "content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio, resolution: "720p" }.to_json,
               "Content-Type" => "application/json"
  end

  def info(id)
    res = @conn.get "content/video/infobymodelid", video_id: id
    JSON.parse(res.body)["data"]
  end

  def voices
    res = @conn.get "voice/lists", page: 1, size: 20
    JSON.parse(res.body)["data"]
  end
end
