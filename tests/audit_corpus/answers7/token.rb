# Get a token and poll a video with Net::HTTP (written for the audit's corpus).
require 'net/http'
require 'json'

uri = URI('https://openapi.akool.com/api/open/v3/getToken')
res = Net::HTTP.post(uri, { clientId: ENV['AKOOL_ID'], clientSecret: ENV['AKOOL_SECRET'] }.to_json, 'Content-Type' => 'application/json')
token = JSON.parse(res.body)['data']['token']

info = Net::HTTP.get_response(URI("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=#{ARGV[0]}"))
body = JSON.parse(info.body)
puts body['data']['video_status']
puts body['data']['video_url']
