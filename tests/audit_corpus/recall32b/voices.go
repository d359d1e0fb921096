package voices

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
)

type Voice struct {
	VoiceID string `json:"voice_id"`
	Name    string `json:"name"`
}

func List(ctx context.Context) ([]Voice, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://openapi.akool.com/api/open/v4/voice/list?page=1&size=50", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var out struct {
		Data struct {
			Result []Voice `json:"result"`
		} `json:"data"`
	}
	err = json.NewDecoder(res.Body).Decode(&out)
	return out.Data.Result, err
}
