package akool

import (
	"fmt"
	"net/http"
	"strings"
)

var apiBase = "https://openapi.akool.com/api/open/v3"

func Status(id string) (*http.Response, error) {
	return http.Get(fmt.Sprintf("%s/content/video/infobymodelid?video_model_id=%s", apiBase, id))
}

func Result(id string) (*http.Response, error) {
	return http.Get(fmt.Sprintf("%s/content/video/result/%s", apiBase, id))
}

func Translate(body string) (*http.Response, error) {
	return http.Post(fmt.Sprintf("%s/content/video/createbytranslation", apiBase), "application/json", strings.NewReader(body))
}
