require "net/http"
require "json"
require "uri"

BASE = ENV.fetch("AKOOL_BASE", "https://openapi.akool.com/api/open/v3")
KEY = ENV["AKOOL_API_KEY"]

uri = URI("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
Net::HTTP.post(uri, { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p" }.to_json, "Content-Type" => "application/json", "x-api-key" => KEY)

payload = {
  talking_photo_url: "https://x/a.png"
}
uri = URI("#{BASE}/content/video/createbytalkingphoto")
req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json", "x-api-key" => KEY)
req.body = payload.to_json
Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }

uri = URI("#{BASE}/content/video/infobymodelid")
uri.query = URI.encode_www_form(id: ARGV[0])
get = Net::HTTP::Get.new(uri, "x-api-key" => KEY)
res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(get) }
data = JSON.parse(res.body, symbolize_names: true)
puts data[:data][:url]
if data[:data][:video_status] == 5
  puts "done"
end
if data[:code] == 200
  puts "ok"
end

Net::HTTP.post(URI("#{BASE}/content/video/createbytalkingphoto2"), { talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3" }.to_json, "x-api-key" => KEY)
