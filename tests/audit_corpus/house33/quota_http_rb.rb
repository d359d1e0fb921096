require "http"

res = HTTP.headers("x-api-key" => ENV.fetch("AKOOL_API_KEY"))
          .get("https://openapi.akool.com/api/open/v3/faceswap/quota/info")
body = res.parse
puts body["data"]["credit"]
puts body["error"] if body["code"] != 1000
