defmodule MyApp.AkoolHTTP do
  @base "https://openapi.akool.com/api/open/v3"

  defp headers(token),
    do: [{"Authorization", "Bearer #{token}"}, {"Content-Type", "application/json"}]

  def talking_photo(token, photo, audio) do
    body = Jason.encode!(%{"talking_photo_url" => photo, "audio_url" => audio, "resolution" => "720p"})

    {:ok, %HTTPoison.Response{body: raw}} =
      HTTPoison.post(@base <> "/content/video/createbytalkingphoto", body, headers(token))

    Jason.decode!(raw)["data"]["task_id"]
  end

  def status(token, id) do
    HTTPoison.get("#{@base}/content/video/status/#{id}", headers(token))
  end
end
