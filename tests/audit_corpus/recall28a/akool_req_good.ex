defmodule MyApp.Akool do
  @moduledoc "Talking photo videos through AKOOL's open API."

  # base client, shared by every call
  defp client(token) do
    Req.new(
      base_url: "https://openapi.akool.com/api/open/v3",
      auth: {:bearer, token}
    )
  end

  def talking_photo(token, photo_url, audio_url) do
    resp =
      Req.post!(client(token),
        url: "/content/video/createbytalkingphoto",
        json: %{
          "talking_photo_url" => photo_url,
          "audio_url" => audio_url,
          "resolution" => "720"
        }
      )

    resp.body["data"]["_id"]
  end

  def status(token, id) do
    Req.get!(client(token), url: "/content/video/infobymodelid", params: [video_model_id: id]).body
  end
end
