package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
)

const host = "https://openapi.akool.com/api/open/v3"

func getEnv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

func lipsync(video, audio string) (*http.Response, error) {
	p := getEnv("AKOOL_LIPSYNC_PATH", "/content/video/lipsync")
	b, _ := json.Marshal(map[string]interface{}{"video_url": video, "audio_url": audio, "webhook": ""})
	return http.Post(host+p, "application/json", bytes.NewReader(b))
}

func translate(video string) (*http.Response, error) {
	p := getEnv("AKOOL_TRANSLATE_PATH", "/content/video/translate")
	return http.Post(host+p, "application/json", nil)
}
