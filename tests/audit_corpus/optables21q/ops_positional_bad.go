package main

import "net/http"

const akoolBase = "https://openapi.akool.com"

var positional = []struct {
	method, path string
}{
	{"GET", "/api/open/v3/content/video/createbytalkingphoto"},
	{"POST", "/api/open/v3/content/video/infobymodelid"},
}

func runPositional() {
	for _, o := range positional {
		req, _ := http.NewRequest(o.method, akoolBase+o.path, nil)
		http.DefaultClient.Do(req)
	}
}
