require "net/http"
require "json"

# Ruby 3.1's shorthand hash: `size:` is `size: size`, so --diff keeps the value (scale: size).
def image(prompt, size)
  uri = URI("https://openapi.akool.com/api/open/v3/content/image/createbyprompt")
  Net::HTTP.post(uri, { prompt:, size: }.to_json, "Content-Type" => "application/json")
end

def image_good(prompt, scale)
  uri = URI("https://openapi.akool.com/api/open/v3/content/image/createbyprompt")
  Net::HTTP.post(uri, { prompt:, scale: }.to_json, "Content-Type" => "application/json")
end
