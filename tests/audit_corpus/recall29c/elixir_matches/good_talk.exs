# mix run good_talk.exs PHOTO_URL AUDIO_URL
[photo, audio] = System.argv()
key = System.fetch_env!("AKOOL_API_KEY")
url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
payload = Jason.encode!(%{talking_photo_url: photo, audio_url: audio})

{:ok, %HTTPoison.Response{status_code: 200, body: raw}} =
  HTTPoison.post(url, payload, [{"x-api-key", key}, {"Content-Type", "application/json"}])

%{"data" => %{"_id" => job_id}} = Jason.decode!(raw)
IO.puts(job_id)
