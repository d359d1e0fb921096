require "net/http"
require "json"

BASE = ENV.fetch("AKOOL_BASE_URL", "https://openapi.akool.com/api/open/v3")
headers = { "Content-Type" => "application/json", "x-api-key" => ENV["AKOOL_API_KEY"] }
body = { prompt: "a lighthouse at dusk", scale: "5:4", webhook_url: "https://example.com/hook" }
uri = URI("#{BASE}/content/image/createbyprompt")
res = Net::HTTP.post(uri, body.to_json, headers)
puts JSON.parse(res.body)["data"]["image_status"]
