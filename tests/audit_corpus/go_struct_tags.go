// Package render sends talking-photo jobs; bodies are tagged structs.
package render

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
)

var apiBase = os.Getenv("AKOOL_BASE") + "/api/open/v3"

const akoolBase = "https://openapi.akool.com/api/open/v3"

type talkBody struct {
	Photo    string `json:"talking_photo_url"`
	Audio    string `json:"audio_url"`
	Callback string `json:"callback_url,omitempty"`
	Quality  string `json:"resolution"`
}

type quotaQuery struct {
	Verbose bool `json:"verbose"`
}

func Render(photo, audio, hook string) (*http.Response, error) {
	body := talkBody{Photo: photo, Audio: audio, Callback: hook, Quality: "1080"}
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, akoolBase+"/content/video/createbytalkingphoto", bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	return http.DefaultClient.Do(req)
}

func Save(path string) error {
	raw, _ := json.Marshal(quotaQuery{Verbose: true})
	return os.WriteFile(path, raw, 0o600)
}
