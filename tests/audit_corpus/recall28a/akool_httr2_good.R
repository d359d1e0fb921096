# Talking photo video through AKOOL's open API, with httr2.
library(httr2)

akool_base <- "https://openapi.akool.com/api/open/v3"

talking_photo <- function(token, photo, audio) {
  resp <- request(akool_base) |>
    req_url_path_append("content/video/createbytalkingphoto") |>
    req_auth_bearer_token(token) |>
    req_body_json(list(
      talking_photo_url = photo,
      audio_url = audio,
      resolution = "720"
    )) |>
    req_perform()
  resp_body_json(resp)$data$`_id`
}

video_info <- function(token, id) {
  request(akool_base) %>%
    req_url_path_append("content", "video", "infobymodelid") %>%
    req_url_query(video_model_id = id) %>%
    req_auth_bearer_token(token) %>%
    req_perform() %>%
    resp_body_json()
}
