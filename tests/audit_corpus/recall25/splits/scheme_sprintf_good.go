package akool

import (
	"fmt"
	"net/http"
)

const (
	scheme  = "https"
	host    = "openapi.akool.com"
	apiRoot = "/api/open/v3"
)

func Info(key, id string) (*http.Response, error) {
	u := fmt.Sprintf("%s://%s%s/content/video/infobymodelid?video_model_id=%s", scheme, host, apiRoot, id)
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("x-api-key", key)
	return http.DefaultClient.Do(req)
}
