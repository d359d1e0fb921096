require "net/http"
require "json"

def list_voices(page = 1)
  uri = URI("https://openapi.akool.com/api/open/v4/voice/list")
  uri.query = URI.encode_www_form(type: 3, page: page, size: 50)
  req = Net::HTTP::Get.new(uri, "x-api-key" => ENV.fetch("AKOOL_API_KEY"))
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
  JSON.parse(res.body)["data"]["result"].map { |v| v["voice_id"] }
end
