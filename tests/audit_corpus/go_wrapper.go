package akool

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

const baseURL = "https://openapi.akool.com/api/open/v3"

type Client struct {
	key  string
	http *http.Client
}

func (c *Client) post(path string, body map[string]interface{}) (*http.Response, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, fmt.Sprintf("%s%s", baseURL, path), bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("x-api-key", c.key)
	return c.http.Do(req)
}

func (c *Client) TalkingPhoto(photo, audio string) (*http.Response, error) {
	return c.post("/content/video/createbytalkingphoto", map[string]interface{}{
		"talking_photo_url": photo,
		"audio_url":         audio,
		"resolution":        "720p",
	})
}

func (c *Client) Info(id string) (*http.Response, error) {
	return c.post("/content/video/infobymodelid", map[string]interface{}{"video_model_id": id})
}
