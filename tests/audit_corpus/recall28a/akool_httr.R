# Older httr version of the same helper.
library(httr)

base <- "https://openapi.akool.com/api/open/v3"

talk <- function(token, photo, audio) {
  r <- POST(paste0(base, "/content/video/createbytalkingphoto"),
            add_headers(Authorization = paste("Bearer", token)),
            body = list(talking_photo_url = photo, audio_url = audio, resolution = "720p"),
            encode = "json")
  content(r)$data$task_id
}

status <- function(token, id) {
  GET(paste0(base, "/content/video/status/", id), add_headers(Authorization = paste("Bearer", token)))
}
