package akool

import (
	"net/http"
	"net/url"
)

var base, _ = url.Parse("https://openapi.akool.com/api/open/v3/")

func Status(key, id string) (*http.Response, error) {
	u := base.JoinPath("content", "video", "status", id)
	req, _ := http.NewRequest(http.MethodGet, u.String(), nil)
	return http.DefaultClient.Do(req)
}
