require "net/http"
require "json"

uri = URI("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=#{ARGV.fetch(0)}")
req = Net::HTTP::Get.new(uri, "x-api-key" => ENV.fetch("AKOOL_API_KEY"))
res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
body = JSON.parse(res.body)
state = body.dig("data", "video_status")
if state == 2
  puts "finished: #{body.dig("data", "video")}"
end
