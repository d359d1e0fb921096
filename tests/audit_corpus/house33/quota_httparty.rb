require "httparty"

res = HTTParty.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info",
                   headers: { "x-api-key" => ENV.fetch("AKOOL_API_KEY") })
body = res.parsed_response
puts "credit: #{body["data"]["credit"]}"
warn body["message"] unless body["code"] == 1000
