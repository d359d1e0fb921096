require "httparty"

res = HTTParty.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info",
                   headers: { "x-api-key" => ENV.fetch("AKOOL_API_KEY") })
data = res.parsed_response["data"]
puts data["credit"]
