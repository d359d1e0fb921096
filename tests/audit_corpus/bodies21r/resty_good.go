package main

import (
	"fmt"
	"os"

	"github.com/go-resty/resty/v2"
)

type TalkReq struct {
	TalkingPhotoURL string `json:"talking_photo_url"`
	AudioURL        string `json:"audio_url"`
	Resolution      string `json:"resolution"`
}

func main() {
	base := "https://openapi.akool.com"
	client := resty.New().SetBaseURL(base)
	resp, err := client.R().
		SetHeader("x-api-key", os.Getenv("AKOOL_API_KEY")).
		SetBody(map[string]any{"prompt": "a cat", "scale": "1:1"}).
		Post("/api/open/v3/content/image/createbyprompt")
	fmt.Println(resp, err)
	_, err = client.R().
		SetBody(TalkReq{TalkingPhotoURL: "https://example.com/a.jpg", AudioURL: "https://example.com/a.mp3", Resolution: "1080"}).
		Post("/api/open/v3/content/video/createbytalkingphoto")
	fmt.Println(err)
}
