package main

import (
	"encoding/json"
	"net/http"
)

const base = "https://openapi.akool.com/api/open/v3"

type info struct {
	Data struct {
		VideoStatus int    `json:"video_status"`
		Video       string `json:"video"`
	} `json:"data"`
}

func get(id string) (string, error) {
	resp, err := http.Get(base + "/content/video/infobymodelid?video_model_id=" + id)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var in info
	if err := json.NewDecoder(resp.Body).Decode(&in); err != nil {
		return "", err
	}
	if in.Data.VideoStatus == 0 {
		return "", nil // field missing in the answer
	}
	return in.Data.Video, nil
}
