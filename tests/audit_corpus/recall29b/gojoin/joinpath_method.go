package k

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
)

var baseURL, _ = url.Parse("https://openapi.akool.com/api/open/v3")

func Lipsync(video, audio string) (*http.Response, error) {
	u := baseURL.JoinPath("content/video/lipsync")
	payload, _ := json.Marshal(map[string]string{"video_url": video, "audio": audio})
	req, err := http.NewRequest("POST", u.String(), bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func Good(video, audio string) (*http.Response, error) {
	u, err := url.JoinPath("https://openapi.akool.com/api/open/v3", "content", "video", "lipsync")
	if err != nil {
		return nil, err
	}
	payload, _ := json.Marshal(map[string]string{"video_url": video, "audio_url": audio})
	req, _ := http.NewRequest(http.MethodPost, u, bytes.NewReader(payload))
	return http.DefaultClient.Do(req)
}
