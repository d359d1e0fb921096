defmodule MyApp.Akool do
  @base "https://openapi.akool.com/api/open/v3"

  def create_talk(photo, audio) do
    body = Jason.encode!(%{talking_photo_url: photo, audio_url: audio})
    headers = [{"x-api-key", System.get_env("AKOOL_API_KEY")}, {"Content-Type", "application/json"}]
    {:ok, %{body: resp_body}} = HTTPoison.post("#{@base}/content/video/createbytalkingphoto", body, headers)
    %{"data" => %{"task_id" => id}} = Jason.decode!(resp_body)
    id
  end

  def status(id) do
    {:ok, %HTTPoison.Response{body: raw}} = HTTPoison.get("#{@base}/content/video/infobymodelid?video_model_id=#{id}")
    %{"data" => data} = Jason.decode!(raw)
    data["status"]
  end
end
