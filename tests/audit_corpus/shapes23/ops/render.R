library(httr)
library(jsonlite)

base <- "https://openapi.akool.com/api/open/v3"
key <- Sys.getenv("AKOOL_API_KEY")

res <- POST(paste0(base, "/content/video/createbytalkingphoto"),
            add_headers(`x-api-key` = key),
            body = list(talking_photo_url = "https://cdn.example.org/p.jpg",
                        audio_url = "https://cdn.example.org/a.mp3",
                        resolution = "4k"),
            encode = "json")
job <- content(res)

st <- GET(paste0(base, "/content/video/status/", job$data$`_id`), add_headers(`x-api-key` = key))
voices <- POST(paste0(base, "/voice/list"), add_headers(`x-api-key` = key))
ok <- GET(paste0(base, "/content/video/infobymodelid"), query = list(video_model_id = job$data$`_id`))
