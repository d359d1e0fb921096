require_relative "api"
require "httparty"

def poll(id)
  HTTParty.post("#{Api::BASE}#{Api::INFO}", query: { video_model_id: id })
end

def poll_ok(id)
  HTTParty.get("#{Api::BASE}#{Api::INFO}", query: { video_model_id: id })
end
