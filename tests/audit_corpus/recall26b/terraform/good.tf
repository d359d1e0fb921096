variable "photo" {
  type = string
}

data "http" "talk_ok" {
  url    = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
  method = "POST"
  request_headers = {
    "x-api-key"    = var.akool_key
    "Content-Type" = "application/json"
  }
  request_body = jsonencode({
    talking_photo_url = var.photo
    audio_url         = "https://x/a.mp3"
    resolution        = "1080"
  })
}

data "http" "info" {
  url = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${var.photo}"
}
