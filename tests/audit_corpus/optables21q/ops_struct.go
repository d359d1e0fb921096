package main

import "net/http"

const base = "https://openapi.akool.com"

type op struct {
	Method string
	Path   string
}

var ops = []op{
	{Method: "POST", Path: "/api/open/v3/content/video/createbytalkingphoto"},
	{Method: "GET", Path: "/api/open/v3/content/video/infobymodelid"},
	{Method: "PUT", Path: "/api/open/v3/content/video/infobymodelid"},
}

func run() {
	for _, o := range ops {
		req, _ := http.NewRequest(o.Method, base+o.Path, nil)
		http.DefaultClient.Do(req)
	}
}
