package voices

import (
	"io"
	"net/http"
	"os"
)

const akoolBase = "https://openapi.akool.com/api/open"

// ListVoices tries the v3 voice list, then the v4 one.
func ListVoices() ([]byte, error) {
	for _, u := range []string{
		akoolBase + "/v3/voice/list?language=en",
		akoolBase + "/v4/voice/list?type=2&lang=en",
	} {
		req, _ := http.NewRequest("GET", u, nil)
		req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode == 200 {
			return io.ReadAll(resp.Body)
		}
	}
	return nil, nil
}

// ListVoicesRight tries documented queries only.
func ListVoicesRight() ([]byte, error) {
	for _, u := range []string{akoolBase + "/v3/voice/list?from=4", akoolBase + "/v4/voice/list?type=1&page=1"} {
		resp, err := http.Get(u)
		if err == nil && resp.StatusCode == 200 {
			defer resp.Body.Close()
			return io.ReadAll(resp.Body)
		}
	}
	return nil, nil
}
