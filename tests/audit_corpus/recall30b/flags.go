package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"os"
)

func main() {
	res := flag.String("resolution", "4k", "output resolution")
	flag.Parse()
	b, _ := json.Marshal(map[string]string{"talking_photo_url": flag.Arg(0), "audio_url": flag.Arg(1), "resolution": *res})
	req, _ := http.NewRequest("POST", "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", bytes.NewReader(b))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	req.Header.Set("Content-Type", "application/json")
	http.DefaultClient.Do(req)
}
