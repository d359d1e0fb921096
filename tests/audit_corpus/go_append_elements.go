package avatar

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type M = map[string]interface{}

// Render builds a talking avatar video from an avatar and an audio track.
func Render(key, avatarURL, audioURL, hook string) (*http.Response, error) {
	elements := []map[string]interface{}{}
	elements = append(elements, map[string]interface{}{"url": avatarURL, "type": "avatar"})
	items := []M{}
	items = append(items, M{"url": audioURL, "type": "audio"})
	payload := map[string]interface{}{
		"width":       3840,
		"height":      2160,
		"avatar_from": 3,
		"elements":    append(elements, items...),
		"webhook_url": hook,
	}
	body, _ := json.Marshal(payload)
	req, _ := http.NewRequest("POST", "https://openapi.akool.com/api/open/v3/talkingavatar/create", bytes.NewReader(body))
	req.Header.Set("x-api-key", key)
	return http.DefaultClient.Do(req)
}
