package main

import "github.com/go-resty/resty/v2"

func main() {
	client := resty.New().SetBaseURL("https://openapi.akool.com/api/open/v3")
	body := map[string]string{"talking_photo_url": "x", "resolution": "720"}
	client.R().SetBody(body).Post("/content/video/createbytalkingphoto")
	client.R().SetBody(map[string]string{"talking_photo_url": "x", "resolution": "720"}).Post("/content/video/createbytalkingphoto")
}
