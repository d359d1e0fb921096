package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
)

const base = "https://openapi.akool.com/api/open/v3"

type talkingPhotoReq33 struct {
	TalkingPhotoURL string `json:"talking_photo_url"`
	Resolution      string `json:"resolution,omitempty"`
	WebhookURL      string `json:"webhookUrl,omitempty"`
}

func create(photo string) (*http.Response, error) {
	payload, err := json.Marshal(talkingPhotoReq33{TalkingPhotoURL: photo, Resolution: "720"})
	if err != nil {
		return nil, err
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/content/video/createbytalkingphoto", bytes.NewReader(payload))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultClient.Do(req)
}
