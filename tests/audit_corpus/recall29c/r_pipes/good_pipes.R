# Talking photo jobs from a Shiny app, with magrittr pipes.
library(httr2)
library(magrittr)

akool <- "https://openapi.akool.com/api/open/v3"
key <- Sys.getenv("AKOOL_API_KEY")

start_talk <- function(photo, audio) {
  job <- request(akool) %>%
    req_body_json(list(talking_photo_url = photo, audio_url = audio)) %>%
    req_headers(`x-api-key` = key) %>%
    req_url_path_append("content/video/createbytalkingphoto") %>%
    req_perform() %>%
    resp_body_json()
  job$data$`_id`
}

video_state <- function(id) {
  info <- request(akool) %>% req_url_query(video_model_id = id) %>%
    req_url_path_append("content/video/infobymodelid") %>% req_perform() %>% resp_body_json()
  info$data$video_status
}
