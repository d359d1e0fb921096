package voice

import (
	"bytes"
	"encoding/json"
	"net/http"
)

func Speak(key, voiceID, text string) (string, error) {
	payload := map[string]any{
		"input_text": text,
		"voice_id":   voiceID,
		"voice_options": map[string]any{
			"stability":        2,
			"similarity_boost": 0.75,
		},
	}
	b, _ := json.Marshal(payload)
	req, _ := http.NewRequest("POST", "https://openapi.akool.com/api/open/v4/voice/tts", bytes.NewReader(b))
	req.Header.Set("x-api-key", key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			ID string `json:"_id"`
		} `json:"data"`
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Data.ID, err
}
