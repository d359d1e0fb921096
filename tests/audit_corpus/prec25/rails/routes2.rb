Rails.application.routes.draw do
  scope "/api/open/v3" do
    post "content/video/createByTalkingPhoto" => "akool_mock#talk"
    get "content/video/status/:id" => "akool_mock#status"
  end
  match "/api/open/v3/content/video/status/:id", to: "akool_mock#status", via: :get
  namespace :api do
    post "open/v3/content/video/createByTalkingPhoto", action: :talk, controller: "akool_mock"
  end
end
