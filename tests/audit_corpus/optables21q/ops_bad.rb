require "net/http"
BASE = "https://openapi.akool.com"
OPS = [
  { method: :get, path: "/api/open/v3/content/video/createbytalkingphoto" },
  { method: :post, path: "/api/open/v3/content/video/infobymodelid" },
]
OPS.each do |op|
  HTTParty.send(op[:method], BASE + op[:path])
end
