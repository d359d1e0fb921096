# Sinatra routes passing the id of a documented {_id} path through an interpolation.
require "sinatra"
require "httparty"

H = { "x-api-key" => ENV.fetch("AKOOL_API_KEY") }

get "/voices/:id" do
  res = HTTParty.get("https://openapi.akool.com/api/open/v4/voice/resource/detail/#{params[:id]}", headers: H)
  res.parsed_response.to_json
end

def voice(v)
  HTTParty.get("https://openapi.akool.com/api/open/v4/voice/detail/#{v.fetch("_id")}", headers: H)
end
