// Package live opens AKOOL live avatar sessions.
package live

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
)

const akoolBase = "https://openapi.akool.com/api/open/v4"

// Open starts a session of an hour and a half.
func Open(avatarID string) (*http.Response, error) {
	body, _ := json.Marshal(map[string]interface{}{
		"avatar_id": avatarID,
		"duration":  5400,
	})
	req, _ := http.NewRequest("POST", akoolBase+"/liveAvatar/session/create", bytes.NewReader(body))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultClient.Do(req)
}
