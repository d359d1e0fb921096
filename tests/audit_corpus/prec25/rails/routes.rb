Rails.application.routes.draw do
  post "/api/open/v3/content/video/createByTalkingPhoto", to: "akool_mock#talk"
  get "/api/open/v3/content/video/status/:id", to: "akool_mock#status"
end
