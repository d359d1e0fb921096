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

type Envelope struct {
	Code int `json:"code"`
	Data struct {
		ID string `json:"_id"`
	} `json:"data"`
}

func main() {
	base := "https://openapi.akool.com"
	client := resty.New().SetBaseURL(base)
	var out Envelope
	_, err := client.R().
		SetHeader("x-api-key", os.Getenv("AKOOL_API_KEY")).
		SetBody(map[string]any{"prompt": "a cat", "size": "1:1"}).
		SetResult(&out).
		Post("/api/open/v3/content/image/createbyprompt")
	if err != nil {
		panic(err)
	}
	fmt.Println(out.Data.ID)

	_, err = client.R().
		SetHeader("x-api-key", os.Getenv("AKOOL_API_KEY")).
		SetBody(TalkReq{TalkingPhotoURL: "https://example.com/a.jpg", AudioURL: "https://example.com/a.mp3", Resolution: "720p"}).
		SetResult(&out).
		Post("/api/open/v3/content/video/createbytalkingphoto")
	fmt.Println(out.Code, err)
}
