package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const akool = "https://openapi.akool.com/api/open/v3"

func createVideo(photo, audio string) (*http.Response, error) {
	url := akool + "/content/video/createbytalkingphoto"
	b, _ := json.Marshal(map[string]interface{}{"talking_photo_url": photo, "audio_url": audio})
	return http.Post(url, "application/json", bytes.NewReader(b))
}

func download(url string) (*http.Response, error) {
	return http.Get(url)
}

func info(id string) (*http.Response, error) {
	url := akool + "/content/video/infobymodelid?video_model_id=" + id
	return http.Post(url, "application/json", nil)
}
