package akool

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

const baseURL = "https://openapi.akool.com"

type Client struct{ Key string }

func (c *Client) post(url string, body any) (*http.Response, error) {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(b))
	req.Header.Set("x-api-key", c.Key)
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultClient.Do(req)
}

func (c *Client) Swap(src, dst string) (*http.Response, error) {
	url := fmt.Sprintf("%s/api/open/v3/faceswap/highquality/specifyimage", baseURL)
	return c.post(url, map[string]any{
		"sourceImage":  []map[string]string{{"path": src}},
		"targetImage":  []map[string]string{{"path": dst}},
		"face_enhance": 1,
		"modifyImage":  dst,
	})
}

func (c *Client) Result(id string) (*http.Response, error) {
	return http.Get(fmt.Sprintf("%s/api/open/v3/content/video/result/%s", baseURL, id))
}

func (c *Client) Token(id, secret string) (*http.Response, error) {
	return c.post(baseURL+"/api/open/v3/getToken", map[string]string{"clientId": id, "clientSecret": secret})
}
