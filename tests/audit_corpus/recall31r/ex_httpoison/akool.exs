base = System.get_env("AKOOL_BASE", "https://openapi.akool.com/api/open/v3")
headers = [{"x-api-key", System.get_env("AKOOL_API_KEY")}, {"Content-Type", "application/json"}]

HTTPoison.post!(base <> "/content/video/createbytalkingphoto", Jason.encode!(%{talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3", resolution: "720p"}), headers)

payload = %{
  "talking_photo_url" => "https://x/a.png"
}
HTTPoison.post!(base <> "/content/video/createbytalkingphoto", Jason.encode!(payload), headers)

{:ok, %HTTPoison.Response{body: raw}} = HTTPoison.get(base <> "/content/video/infobymodelid", headers, params: %{id: "abc"})
decoded = Jason.decode!(raw)
IO.puts(decoded["data"]["url"])
if decoded["data"]["video_status"] == 5 do
  IO.puts("done")
end
if decoded["code"] == 200 do
  IO.puts("ok")
end

HTTPoison.post!(base <> "/content/video/createbytalkingphoto2", Jason.encode!(%{talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3"}), headers)
