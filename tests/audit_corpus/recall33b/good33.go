package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type talkReq33 struct {
	TalkingPhotoURL string `json:"talking_photo_url"`
	AudioURL        string `json:"audio_url"`
	Resolution      string `json:"resolution,omitempty"`
}

func talk33(photo, audio string) {
	b, _ := json.Marshal(talkReq33{TalkingPhotoURL: photo, AudioURL: audio})
	http.Post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", "application/json", bytes.NewReader(b))
}
