package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
)

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

var akoolBase = env("AKOOL_BASE_URL", "https://openapi.akool.com")

type hsMapping struct {
	SourceImageURL string `json:"source_image_url"`
	FaceID         int    `json:"face_id"`
}

func createTask(video string, maps []hsMapping) ([]byte, error) {
	body, _ := json.Marshal(map[string]interface{}{
		"video_url":  video,
		"mappings":   maps,
		"model_name": "akool-premium",
		"resolution": "720p",
	})
	req, _ := http.NewRequest(http.MethodPost, akoolBase+"/api/open/v4/headswap/task/create", bytes.NewReader(body))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

func taskDetail(id string) ([]byte, error) {
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/open/v4/headswap/task/detail?_id=%s", akoolBase, id), nil)
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}
