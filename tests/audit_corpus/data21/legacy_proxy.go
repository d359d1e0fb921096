package main

import (
	"fmt"
	"log"
	"net/http"
	"strings"
)

const base = "https://openapi.akool.com"

var migrations = map[string]string{
	"/api/open/v3/photo/talking":        "/api/open/v3/content/video/createbytalkingphoto",
	"/api/open/v3/content/video/status": "/api/open/v3/content/video/infobymodelid",
}

func proxy(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/api/open/v3/photo/talking/result", "/api/open/v2/faceswap":
		http.Error(w, "gone: /api/open/v2/faceswap", http.StatusGone)
		return
	}
	if r.URL.Path == "/api/open/v3/photo/talking" {
		log.Printf("legacy client on /api/open/v3/photo/talking")
	}
	if strings.HasPrefix(r.URL.Path, "/api/open/v3/content/video/status") {
		fmt.Println("status path /api/open/v3/content/video/status moved")
	}
	path := strings.Replace(r.URL.Path, "/api/open/v3/faceswap/highquality/image", "/api/open/v3/faceswap/highquality/specifyimage", 1)
	if p, ok := migrations[path]; ok {
		path = p
	}
	http.Post(base+path, "application/json", r.Body)
}

func poll(id string) (*http.Response, error) {
	// still a call: AKOOL documents no such path
	return http.Get(base + "/api/open/v3/content/video/status/" + id)
}

func main() {
	http.HandleFunc("/api/open/v3/photo/talking", proxy)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
