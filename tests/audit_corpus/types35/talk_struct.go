package akool

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
)

type talkReq struct {
	PhotoURL   string `json:"talking_photo_url"`
	AudioURL   string `json:"audio_url"`
	Resolution int    `json:"resolution,omitempty"`
}

type animateReq struct {
	ImageURL       string `json:"image_url"`
	Prompt         string `json:"prompt"`
	NegativePrompt string `json:"negative_prompt"`
	Resolution     string `json:"resolution"`
	AudioType      int    `json:"audio_type"`
	VideoLength    string `json:"video_length"`
}

func send(url string, v interface{}) error {
	b, _ := json.Marshal(v)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(b))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	req.Header.Set("Content-Type", "application/json")
	_, err := http.DefaultClient.Do(req)
	return err
}

func Talk(photo, audio string, height int) error {
	return send("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", talkReq{PhotoURL: photo, AudioURL: audio, Resolution: height})
}

func Animate(image, prompt, seconds string) error {
	return send("https://openapi.akool.com/api/open/v4/image2Video/createBySourcePrompt", animateReq{ImageURL: image, Prompt: prompt, NegativePrompt: "", Resolution: "720p", AudioType: 1, VideoLength: seconds})
}
