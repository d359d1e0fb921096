# frozen_string_literal: true

require 'net/http'
require 'json'

# Minimal AKOOL client for the Rails app's background jobs.
module Akool
  BASE = ENV.fetch('AKOOL_BASE', 'https://openapi.akool.com/api/open/v3')

  def self.post(path, body)
    uri = URI("#{BASE}#{path}")
    req = Net::HTTP::Post.new(uri, 'x-api-key' => ENV['AKOOL_API_KEY'], 'Content-Type' => 'application/json')
    req.body = body.to_json
    res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
    JSON.parse(res.body)
  end

  def self.talk(photo, audio)
    post('/content/video/createbytalkingphoto', { talking_photo_url: photo, audio_url: audio, resolution: '720p' })
  end

  def self.image(prompt)
    post('/content/image/createbyprompt', { prompt: prompt, aspect_ratio: '16:9' })
  end

  def self.status(id)
    post('/content/video/status', { video_model_id: id })
  end
end
