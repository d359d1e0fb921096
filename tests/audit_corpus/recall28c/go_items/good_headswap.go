package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const api = "https://openapi.akool.com/api/open/v4"

type faceMap struct {
	ObjID  int    `json:"obj_id"`
	ImgURL string `json:"img_url"`
}

type headSwap struct {
	VideoURL   string     `json:"video_url"`
	Mappings   []*faceMap `json:"mappings"`
	ModelName  string     `json:"model_name"`
	Resolution string     `json:"resolution"`
}

func swap(video, face string) (*http.Response, error) {
	b, _ := json.Marshal(headSwap{VideoURL: video, Mappings: []*faceMap{{ObjID: 1, ImgURL: face}}, ModelName: "akool-premium", Resolution: "720p"})
	return http.Post(api+"/headswap/task/create", "application/json", bytes.NewReader(b))
}

func swapMap(video string, items []faceMap) (*http.Response, error) {
	b, _ := json.Marshal(map[string]interface{}{"video_url": video, "mappings": items, "model_name": "akool-premium", "resolution": "480p"})
	return http.Post(api+"/headswap/task/create", "application/json", bytes.NewReader(b))
}
