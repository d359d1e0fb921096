package website21

import (
	"bytes"
	"fmt"
	"net/http"
)

const akoolRoot = "https://api.akool.com"

func Login(body []byte) (*http.Response, error) {
	return http.Post(fmt.Sprintf("%s/api/v1/public/login", akoolRoot), "application/json", bytes.NewReader(body))
}

func Avatars(key string) (*http.Response, error) {
	req, _ := http.NewRequest("GET", akoolRoot+"/api/open/v3/avatar/list", nil)
	req.Header.Set("x-api-key", key)
	return http.DefaultClient.Do(req)
}
