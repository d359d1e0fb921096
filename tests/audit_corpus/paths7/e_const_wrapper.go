package akool

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

const (
	imageToVideoPath = "/content/video/createbyimage"
	videoResultPath  = "/content/video/result"
)

type Client struct {
	baseURL string
	http    *http.Client
}

func New() *Client {
	return &Client{baseURL: "https://openapi.akool.com/api/open/v4", http: http.DefaultClient}
}

func (c *Client) post(ctx context.Context, path string, in interface{}) (*http.Response, error) {
	b, _ := json.Marshal(in)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(b))
	return c.http.Do(req)
}

func (c *Client) Animate(ctx context.Context, img string) (*http.Response, error) {
	return c.post(ctx, videoResultPath, map[string]interface{}{"image_url": img})
}
