require "net/http"
BASE = "https://openapi.akool.com/api/open/v3/"
def credit
  Net::HTTP.get(URI.join(BASE, "faceswap/quota/info"))
end
