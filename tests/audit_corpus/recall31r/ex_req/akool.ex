defmodule Akool do
  @base "https://openapi.akool.com/api/open/v3"

  defp headers, do: [{"x-api-key", System.fetch_env!("AKOOL_API_KEY")}]

  def talk do
    Req.post!(@base <> "/content/video/createbytalkingphoto", json: %{talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p"}, headers: headers())
  end

  def talk_held do
    body = %{
      talking_photo_url: "https://x/a.png"
    }
    Req.post!(@base <> "/content/video/createbytalkingphoto", json: body, headers: headers())
  end

  def status(id) do
    resp = Req.get!(@base <> "/content/video/infobymodelid", params: [id: id], headers: headers())
    IO.puts(resp.body["data"]["url"])
    if resp.body["data"]["video_status"] == 5 do
      :done
    end
    if resp.body["code"] == 200 do
      :ok
    end
  end

  def retired do
    Req.post!(@base <> "/content/video/createbytalkingphoto2", json: %{talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3"}, headers: headers())
  end
end
