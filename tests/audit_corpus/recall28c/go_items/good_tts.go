package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type voiceModify struct {
	Pitch     int `json:"pitch"`
	Intensity int `json:"intensity"`
}

type extraOptions struct {
	PreviousText string       `json:"previous_text"`
	VoiceModify  *voiceModify `json:"voice_modify"`
}

type ttsReq struct {
	InputText    string        `json:"input_text"`
	VoiceID      string        `json:"voice_id"`
	ExtraOptions *extraOptions `json:"extra_options"`
}

func speak(text, voice string) (*http.Response, error) {
	b, _ := json.Marshal(ttsReq{InputText: text, VoiceID: voice, ExtraOptions: &extraOptions{VoiceModify: &voiceModify{Pitch: 10}}})
	return http.Post("https://openapi.akool.com/api/open/v4/voice/tts", "application/json", bytes.NewReader(b))
}
