defmodule AkoolClient do
  use Tesla

  plug Tesla.Middleware.BaseUrl, "https://openapi.akool.com/api/open/v3"
  plug Tesla.Middleware.Headers, [{"x-api-key", System.get_env("AKOOL_API_KEY")}]
  plug Tesla.Middleware.JSON

  def talk do
    post("/content/video/createbytalkingphoto", %{talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p"})
  end

  def talk_held do
    body = %{
      talking_photo_url: "https://x/a.png"
    }
    post("/content/video/createbytalkingphoto", body)
  end

  def status(id) do
    {:ok, env} = get("/content/video/infobymodelid", query: [id: id])
    IO.puts(env.body["data"]["url"])
    if env.body["data"]["video_status"] == 5 do
      :done
    end
    if env.body["code"] == 200 do
      :ok
    end
  end

  def retired do
    post("/content/video/createbytalkingphoto2", %{talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3"})
  end
end
