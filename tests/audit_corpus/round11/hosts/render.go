package render

import (
	"bytes"
	"net/http"
)

func Render(body []byte) (*http.Response, error) {
	return http.Post("https://api.akool.com/v1/video/render", "application/json", bytes.NewReader(body))
}
