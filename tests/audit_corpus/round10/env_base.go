package akool

import (
	"net/http"
	"os"
)

// VideoStatus asks AKOOL for a job's state.
func VideoStatus(id string) (*http.Response, error) {
	base := os.Getenv("AKOOL_BASE_URL")
	req, _ := http.NewRequest("GET", base+"/content/video/status/"+id, nil)
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	return http.DefaultClient.Do(req)
}
