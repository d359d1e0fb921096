# Talking photo video through AKOOL's open API, with httr2.
library(httr2)

akool_base <- "https://openapi.akool.com/api/open/v3"

talking_photo <- function(token, photo, audio) {
  resp <- request(akool_base) |>
    req_url_path_append("content/video/createbytalkingphoto") |>
    req_auth_bearer_token(token) |>
    req_body_json(list(talking_photo_url = photo, audio_url = audio, resolution = "720p")) |>
    req_perform()
  resp_body_json(resp)$data$task_id
}

video_status <- function(token, id) {
  request(akool_base) %>%
    req_url_path_append("content", "video", "status") %>%
    req_url_query(id = id) %>%
    req_auth_bearer_token(token) %>%
    req_perform() %>%
    resp_body_json()
}
