require "net/http"
HOST = "https://api.akool.com".freeze

def quota(key)
  uri = URI(HOST + "/api/open/v3/faceswap/quota/info")
  Net::HTTP.get(uri, { "x-api-key" => key })
end
