data "http" "talk" {
  url    = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
  method = "POST"
  request_headers = {
    "x-api-key"    = var.akool_key
  }
  request_body = jsonencode({
    "talking_photo_url" = var.photo
    "audio_url"         = var.audio
    "resolution"        = "4k"
  })
}
data "http" "talk2" {
  url    = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
  method = "POST"
  request_body = jsonencode({ talking_photo_url = var.photo, audio_url = var.audio, resolution = "1080p" })
}
data "http" "talk3" {
  url    = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
  method = "POST"
  request_body = "{\"talking_photo_url\": \"${var.photo}\", \"audio_url\": \"a\", \"resolution\": \"1080p\"}"
}
