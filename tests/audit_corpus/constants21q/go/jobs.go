package akool

import "net/http"

func poll(id string) (*http.Response, error) {
	return http.Post(Base+Paths.Info+"?video_model_id="+id, "application/json", nil)
}

func pollOk(id string) (*http.Response, error) {
	return http.Get(Base + Paths.Info + "?video_model_id=" + id)
}
