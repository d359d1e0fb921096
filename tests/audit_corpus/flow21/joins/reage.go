package reage

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
)

const akoolAPI = "https://openapi.akool.com/api/open/v3"

func send(endpoint string, payload any) (*http.Response, error) {
	u, err := url.JoinPath(akoolAPI, endpoint)
	if err != nil {
		return nil, err
	}
	buf, _ := json.Marshal(payload)
	return http.Post(u, "application/json", bytes.NewReader(buf))
}

func Run(id string) {
	send("faceswap/highquality/imgreage", map[string]any{"face_reage": 45, "modifyImage": "x"})
	send("faceswap/result/delete", map[string]any{"_ids": "a,b"})
	u, _ := url.JoinPath(akoolAPI, "content", "video", "status", id)
	http.Get(u)
}
