defmodule MyApp.Akool do
  def client do
    Req.new(base_url: "https://openapi.akool.com/api/open/v3", headers: [{"x-api-key", System.fetch_env!("AKOOL_API_KEY")}])
  end

  def talk(photo) do
    body = %{talking_photo_url: photo, resolution: "720"}
    Req.post!(client(), url: "/content/video/createbytalkingphoto", json: body).body
  end

  def status(id) do
    %{body: %{"code" => code, "data" => data}} = Req.get!(client(), url: "/content/video/infobymodelid", params: [videoModelId: id])
    if code == 1000, do: data["video_status_text"], else: nil
  end
end
