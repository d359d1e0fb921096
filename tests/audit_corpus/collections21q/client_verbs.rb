require "httparty"
TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
hits = Hash.new(0)
hits[TALK_URL] += 1
hits.delete(TALK_URL)
HTTParty.get(TALK_URL)
