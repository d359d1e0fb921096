package akool

import (
	"net/http"
	"os"
)

func Quota() (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://openapi.akool.com/api/open/v3/faceswap/quota/info", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", os.Getenv("AKOOL_API_KEY"))
	return http.DefaultClient.Do(req)
}

func QuotaRight() (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://openapi.akool.com/api/open/v3/faceswap/quota/info", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	return http.DefaultClient.Do(req)
}
