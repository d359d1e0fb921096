require "net/http"
TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
INFO_URL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
results = {}
hits = Hash.new(0)
results[TALK_URL] = 1
hits.fetch(TALK_URL, 0)
results.delete(TALK_URL)
results.store(TALK_URL, 2)
uri = URI(INFO_URL + "?video_model_id=1")
Net::HTTP.get(uri)
