variable "photo" { type = string }
variable "audio" { type = string }
variable "akool_key" {
  type      = string
  sensitive = true
}

locals {
  akool_api = "https://openapi.akool.com/api/open/v3"
  talk_body = {
    talking_photo_url = var.photo
    audio_url         = var.audio
    resolution        = "720"
  }
}

data "http" "talk" {
  url    = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
  method = "POST"
  request_headers = {
    "x-api-key"    = var.akool_key
    "Content-Type" = "application/json"
  }
  request_body = jsonencode(local.talk_body)
}

data "http" "poster" {
  url    = "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
  method = "POST"
  request_headers = {
    "x-api-key" = var.akool_key
  }
  request_body = <<-EOT
    {"prompt": "a poster of a red fox", "scale": "1:1"}
  EOT
}

output "talk_video_id" {
  value = jsondecode(data.http.talk.response_body).data._id
}
