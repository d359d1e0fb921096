defmodule MyApp.AkoolClient do
  use Tesla

  plug Tesla.Middleware.BaseUrl, "https://openapi.akool.com/api/open/v3"
  plug Tesla.Middleware.JSON
  plug Tesla.Middleware.BearerAuth, token: System.get_env("AKOOL_TOKEN")

  def talking_photo(photo, audio) do
    post("/content/video/createbytalkingphoto", %{
      talking_photo_url: photo,
      audio_url: audio,
      resolution: "1080"
    })
  end

  def faceswap(src, target, modify) do
    post("/faceswap/highquality/specifyimage", %{sourceImage: src, targetImage: target, modifyImage: modify})
  end
end
