package client

import "net/http"

func Analyze(url string) (*http.Response, error) {
	return http.Post(BaseURL+"/headswap/analyze", "application/json", nil)
}

func Detail(id string) (*http.Response, error) {
	return http.Get(BaseURL + "/headswap/analyze/result?_id=" + id)
}
