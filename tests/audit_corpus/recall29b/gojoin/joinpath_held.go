package j

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
)

const base = "https://openapi.akool.com/api/open/v3"

func Lipsync(video, audio string) (*http.Response, error) {
	u, err := url.JoinPath(base, "content/video/lipsync")
	if err != nil {
		return nil, err
	}
	payload, _ := json.Marshal(map[string]string{"video_url": video, "audio": audio})
	return http.Post(u, "application/json", bytes.NewReader(payload))
}

func Info() (*http.Response, error) {
	u, _ := url.JoinPath(base, "content/video/lipsync")
	return http.Get(u)
}
