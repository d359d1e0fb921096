require "net/http"
BASE = "https://openapi.akool.com/api/open/v3"

def create
  url = "#{BASE}/content/video/createbytalkingphoto"
  Net::HTTP.post(URI(url), "{}", "Content-Type" => "application/json")
end

def download(url)
  Net::HTTP.get(URI(url))
end
