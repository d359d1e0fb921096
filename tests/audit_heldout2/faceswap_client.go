// Package akool is a small client for AKOOL's face swap and talking photo APIs.
package akool

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

const defaultBase = "https://openapi.akool.com"

type Client struct {
	base string
	key  string
	http *http.Client
}

type TalkingPhotoRequest struct {
	TalkingPhotoURL string `json:"talking_photo_url"`
	AudioURL        string `json:"audio_url"`
	Resolution      string `json:"resolution,omitempty"`
	WebhookUrl      string `json:"webhookUrl,omitempty"`
}

func New() *Client {
	base := os.Getenv("AKOOL_BASE_URL")
	if base == "" {
		base = defaultBase
	}
	return &Client{base: base, key: os.Getenv("AKOOL_API_KEY"), http: &http.Client{Timeout: 30 * time.Second}}
}

func (c *Client) post(url string, body any) (*http.Response, error) {
	buf, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(buf))
	if err != nil {
		return nil, err
	}
	req.Header.Set("x-api-key", c.key)
	req.Header.Set("Content-Type", "application/json")
	var resp *http.Response
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = c.http.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		time.Sleep(time.Duration(attempt+1) * time.Second)
	}
	return resp, err
}

func (c *Client) TalkingPhoto(photo, audio, hook string) (*http.Response, error) {
	return c.post(c.base+"/api/open/v3/content/video/createbytalkingphoto", TalkingPhotoRequest{
		TalkingPhotoURL: photo,
		AudioURL:        audio,
		Resolution:      "720",
		WebhookUrl:      hook,
	})
}

func (c *Client) SwapVideo(source, target, video, hook string) (*http.Response, error) {
	body := map[string]interface{}{
		"sourceImage": []map[string]string{{"path": source, "opts": ""}},
		"targetImage": []map[string]string{{"path": target, "opts": ""}},
		"modifyVideo": video,
		"face_enhance": 1,
		"webhook_url":  hook,
	}
	return c.post(c.base+"/api/open/v3/faceswap/highquality/specifyvideo", body)
}

func (c *Client) Result(id string) (*http.Response, error) {
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/open/v3/faceswap/result/listbyids?_ids=%s", c.base, id), nil)
	req.Header.Set("x-api-key", c.key)
	return c.http.Do(req)
}

func (c *Client) Credit() (*http.Response, error) {
	req, _ := http.NewRequest(http.MethodGet, c.base+"/api/open/v3/faceswap/quota/credit", nil)
	req.Header.Set("x-api-key", c.key)
	return c.http.Do(req)
}
