module Api
  BASE = "https://openapi.akool.com"
  TALK = "/api/open/v3/content/video/createbytalkingphoto"
  INFO = "/api/open/v3/content/video/infobymodelid"
end
