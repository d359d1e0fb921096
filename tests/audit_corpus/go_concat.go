package akool

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const Host = "https://openapi.akool.com"

func Clone(key, sample string) (*http.Response, error) {
	b, _ := json.Marshal(map[string]any{"source_voice_file": sample, "voice_name": "narrator", "voice_model_name": "Akool Multilingual 3"})
	req, _ := http.NewRequest("POST", Host+"/api/open/v4/voice/clone", bytes.NewReader(b))
	req.Header.Set("x-api-key", key)
	return http.DefaultClient.Do(req)
}

func Avatars(key string) (*http.Response, error) {
	req, _ := http.NewRequest("GET", Host+"/api/open/v4/liveAvatar/avatar/list?page=1&size=50&platform=web", nil)
	req.Header.Set("x-api-key", key)
	return http.DefaultClient.Do(req)
}
