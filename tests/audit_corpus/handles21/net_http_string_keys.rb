require "net/http"
require "json"

BASE = ENV.fetch("AKOOL_BASE_URL", "https://openapi.akool.com/api/open/v3")

def create_image(prompt)
  uri = URI("#{BASE}/content/image/createbyprompt")
  request = Net::HTTP::Post.new(uri)
  request["x-api-key"] = ENV.fetch("AKOOL_API_KEY")
  request["Content-Type"] = "application/json"
  request.body = JSON.generate({ "prompt" => prompt, "size" => "16:9" })
  response = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(request) }
  JSON.parse(response.body)
end

puts create_image("a red fox")["data"]["_id"]
