package main

import (
	"bytes"
	"net/http"
)

func create() {
	body := []byte(`{"talking_photo_url": "a", "audio_url": "b", "resolution": "4k"}`)
	req, _ := http.NewRequest("POST", CreateURL, bytes.NewReader(body))
	http.DefaultClient.Do(req)
}
