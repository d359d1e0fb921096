library(httr2)

base <- "https://openapi.akool.com/api/open/v3"

create_talk <- function(photo, audio) {
  resp <- request(base) |>
    req_headers(`x-api-key` = Sys.getenv("AKOOL_API_KEY")) |>
    req_body_json(list(talking_photo_url = photo, audio_url = audio)) |>
    req_url_path_append("content/video/createbytalkingphoto") |>
    req_perform() |>
    resp_body_json()
  resp$data$task_id
}

status_of <- function(id) {
  out <- request(base) |>
    req_url_path_append("content/video/infobymodelid") |>
    req_url_query(video_model_id = id) |>
    req_perform() |>
    resp_body_json()
  out$data$status
}
