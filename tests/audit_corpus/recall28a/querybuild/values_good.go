package akool

import (
	"net/http"
	"net/url"
)

const base = "https://openapi.akool.com/api/open/v3"

func VideoInfoGood(id string) (*http.Response, error) {
	q := url.Values{}
	q.Set("video_model_id", id)
	return http.Get(base + "/content/video/infobymodelid?" + q.Encode())
}
