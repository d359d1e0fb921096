require "faraday"
require "rest-client"
require "json"

QUOTA = "https://openapi.akool.com/api/open/v3/faceswap/quota/info"

def credit_faraday
  res = Faraday.get(QUOTA, {}, { "X-Akool-Api-Key" => ENV["AKOOL_API_KEY"] })
  JSON.parse(res.body)["data"]["credit"]
end

def credit_rest
  res = RestClient.get(QUOTA, { "x-api-key" => ENV["AKOOL_API_KEY"], accept: :json })
  JSON.parse(res.body)["data"]["credit"]
end
