package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const base = "https://openapi.akool.com/api/open/v4"

type mapping struct {
	SourceImageURL string `json:"source_image_url"`
	FaceID         int    `json:"face_id"`
}

type createReq struct {
	VideoURL   string    `json:"video_url"`
	Mappings   []mapping `json:"mappings"`
	ModelName  string    `json:"model_name"`
	Resolution string    `json:"resolution"`
}

func create(video, face string) (*http.Response, error) {
	b, _ := json.Marshal(createReq{VideoURL: video, Mappings: []mapping{{SourceImageURL: face, FaceID: 1}}, ModelName: "akool-premium", Resolution: "720p"})
	return http.Post(base+"/headswap/task/create", "application/json", bytes.NewReader(b))
}
