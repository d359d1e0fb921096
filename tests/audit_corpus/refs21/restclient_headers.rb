require "json"
require "rest-client"

BASE = "https://openapi.akool.com/api/open/v3"
KEY = ENV.fetch("AKOOL_API_KEY")

# RestClient's third argument is the request's headers, its symbols written with `_`.
def image(prompt)
  res = RestClient.post("#{BASE}/content/image/createbyprompt", { prompt: prompt, scale: "1:1" }.to_json,
                        { content_type: :json, accept: :json, "x-api-key" => KEY })
  JSON.parse(res.body)["data"]["_id"]
end

def image_sized(prompt)
  res = RestClient.post("#{BASE}/content/image/createbyprompt", { prompt: prompt, size: "1:1" }.to_json,
                        { content_type: :json, x_api_key: KEY })
  JSON.parse(res.body)["data"]["_id"]
end

def image_bare(prompt)
  RestClient.post("#{BASE}/content/image/createbyprompt", { prompt: prompt, scale: "16:9" }.to_json,
                  content_type: :json, accept: :json, authorization: "Bearer #{KEY}")
end
