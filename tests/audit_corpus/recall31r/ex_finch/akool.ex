defmodule Akool.Finch do
  @base Application.compile_env(:akool, :base_url, "https://openapi.akool.com/api/open/v3")

  defp headers, do: [{"x-api-key", System.fetch_env!("AKOOL_API_KEY")}, {"content-type", "application/json"}]

  def talk do
    Finch.build(:post, @base <> "/content/video/createbytalkingphoto", headers(), Jason.encode!(%{talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p"}))
    |> Finch.request(AkoolFinch)
  end

  def talk_held do
    body = %{
      talking_photo_url: "https://x/a.png"
    }
    Finch.build(:post, @base <> "/content/video/createbytalkingphoto", headers(), Jason.encode!(body))
    |> Finch.request(AkoolFinch)
  end

  def status(id) do
    {:ok, resp} = Finch.build(:get, @base <> "/content/video/infobymodelid?" <> URI.encode_query(%{id: id}), headers()) |> Finch.request(AkoolFinch)
    data = Jason.decode!(resp.body)
    IO.puts(data["data"]["url"])
    if data["data"]["video_status"] == 5 do
      :done
    end
    if data["code"] == 200 do
      :ok
    end
  end

  def retired do
    Finch.build(:post, @base <> "/content/video/createbytalkingphoto2", headers(), Jason.encode!(%{talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3"})) |> Finch.request(AkoolFinch)
  end
end
