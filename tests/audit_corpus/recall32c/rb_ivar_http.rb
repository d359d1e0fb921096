# A service object whose Faraday connection is held in @http.
require "faraday"
class A
  def initialize(key: ENV["K"], base: "https://openapi.akool.com/api/open/v3")
    @http = Faraday.new(url: base, headers: { "x-api-key" => key })
  end
  def imagine(prompt)
    @http.post("content/image/createbyimagine", { prompt: prompt }.to_json)
  end
end
