package main

import "net/http"

const createURL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"

var marked = map[string]bool{}

func run() {
	marked[createURL] = true
	http.Get(createURL)
}
