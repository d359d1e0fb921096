# List AKOOL voices and print the ready ones, then a video's state.
require "faraday"
require "json"

conn = Faraday.new(url: "https://openapi.akool.com", headers: { "x-api-key" => ENV.fetch("AKOOL_API_KEY") })

voices = JSON.parse(conn.get("/api/open/v3/voice/list", { from: 3 }).body)
voices["data"].each_with_index { |v, i| puts "#{i} #{v["voice_id"]}" }
puts voices["data"].first["name"] unless voices["data"].empty?
ids = voices["data"].map { |v| v["voice_id"] }
puts ids.sort.join(",")

info = JSON.parse(conn.get("/api/open/v3/content/video/infobymodelid", { video_model_id: ARGV[0] }).body)
if info["data"].key?("video")
  info["data"].each { |k, v| puts "#{k}=#{v}" }
end
puts info["data"].to_h.fetch("video_status")
puts info["data"]["videoUrl"]
