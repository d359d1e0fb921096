package akoolgo

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
)

const defaultBaseURL = "https://openapi.akool.com/api/open/v3"

type Client struct {
	baseURL string
	key     string
}

type envelope struct {
	Code int             `json:"code"`
	Msg  string          `json:"msg"`
	Data json.RawMessage `json:"data"`
}

func NewClient() *Client {
	base := os.Getenv("AKOOL_BASE_URL")
	if base == "" {
		base = defaultBaseURL
	}
	return &Client{baseURL: base, key: os.Getenv("AKOOL_API_KEY")}
}

func NewDefault(key string) *Client {
	return &Client{baseURL: defaultBaseURL, key: key}
}

func (c *Client) call(method, path string, in any) (*envelope, error) {
	b, _ := json.Marshal(in)
	req, err := http.NewRequest(method, c.baseURL+path, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("x-api-key", c.key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out envelope
	return &out, json.NewDecoder(resp.Body).Decode(&out)
}

func (c *Client) Credit() (float64, error) {
	out, err := c.call(http.MethodGet, "/faceswap/quota/info", nil)
	if err != nil {
		return 0, err
	}
	var v struct {
		Credit float64 `json:"credit"`
	}
	return v.Credit, json.Unmarshal(out.Data, &v)
}

func (c *Client) Voices() error {
	_, err := c.call(http.MethodGet, "/voice/lists", nil)
	return err
}
