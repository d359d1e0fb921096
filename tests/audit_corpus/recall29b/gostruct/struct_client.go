package gosdk

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"
)

type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

func NewClient(apiKey string) *Client {
	return &Client{
		baseURL: "https://openapi.akool.com/api/open/v3",
		apiKey:  apiKey,
		http:    &http.Client{Timeout: 30 * time.Second},
	}
}

func (c *Client) do(method, path string, body any, out any) error {
	var buf bytes.Buffer
	if body != nil {
		if err := json.NewEncoder(&buf).Encode(body); err != nil {
			return err
		}
	}
	req, err := http.NewRequest(method, c.baseURL+path, &buf)
	if err != nil {
		return err
	}
	req.Header.Set("x-api-key", c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

type Created struct {
	Data struct {
		ID string `json:"_id"`
	} `json:"data"`
}

func (c *Client) TalkingPhoto(photo, audio string) (string, error) {
	var out Created
	err := c.do("POST", "/content/video/createbytalkingphoto", map[string]string{
		"photo_url": photo,
		"audio_url": audio,
	}, &out)
	return out.Data.ID, err
}

func (c *Client) Credit() (float64, error) {
	var out struct {
		Data struct {
			Credit float64 `json:"credit"`
		} `json:"data"`
	}
	err := c.do("GET", "/faceswap/quota/info", nil, &out)
	return out.Data.Credit, err
}

type Other struct {
	baseURL string
}

func NewOther() *Other {
	return &Other{
		baseURL: "https://api.example.com/v1",
	}
}

func (o *Other) Chat() (*http.Response, error) {
	return http.Post(o.baseURL+"/content/video/lipsyncc", "application/json", nil)
}
