package catalog

import (
	"encoding/json"
	"net/http"
	"os"
)

var akoolAPI = "https://openapi.akool.com/api/open"

// FetchVoices tries each voice list path in turn.
func FetchVoices() (map[string]interface{}, error) {
	for _, p := range []string{"/v3/voice/list?lang=es", "/v4/voice/list?type=1&lang=es"} {
		req, _ := http.NewRequest(http.MethodGet, akoolAPI+p, nil)
		req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != 200 {
			continue
		}
		defer resp.Body.Close()
		var out map[string]interface{}
		err = json.NewDecoder(resp.Body).Decode(&out)
		return out, err
	}
	return nil, nil
}
