package main

import (
	"encoding/json"
	"net/http"
)

const Done, Failed = 3, 4

func poll(id string) bool {
	resp, _ := http.Get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)
	var out struct {
		Data struct {
			VideoStatus int `json:"video_status"`
		} `json:"data"`
	}
	json.NewDecoder(resp.Body).Decode(&out)
	if out.Data.VideoStatus == Failed {
		return false
	}
	return out.Data.VideoStatus == Done
}
