Rails.application.routes.draw do
  namespace :proxy do
    post "/api/open/v3/content/image/createbyprompt", to: "akool#image"
    get "/api/open/v3/content/image/infobymodelid" => "akool#image_status"
  end
end
