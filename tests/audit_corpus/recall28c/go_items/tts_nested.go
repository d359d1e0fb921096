package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type modify struct {
	Pitch int `json:"pitch"`
	Speed int `json:"speed_rate"`
}

type extras struct {
	VoiceModify modify `json:"voice_modify"`
}

type speakReq struct {
	InputText    string `json:"input_text"`
	VoiceID      string `json:"voice_id"`
	ExtraOptions extras `json:"extra_options"`
}

func say(text, voice string) (*http.Response, error) {
	b, _ := json.Marshal(speakReq{InputText: text, VoiceID: voice})
	return http.Post("https://openapi.akool.com/api/open/v4/voice/tts", "application/json", bytes.NewReader(b))
}
