package akool

import (
	"net/http"
	"strings"
)

const base = "https://openapi.akool.com/api/open/v3"

func Status() (*http.Response, error) {
	return http.Get(strings.Join([]string{base, "content", "video", "status"}, "/"))
}
