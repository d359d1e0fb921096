package main

import "net/http"

const talkURL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
const infoURL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"

var seen = map[string]bool{}
var cache sync.Map

func poll(id string) (*http.Response, error) {
	if seen[infoURL] {
		return nil, nil
	}
	seen[talkURL] = true
	cache.Load(talkURL)
	cache.Store(talkURL, 1)
	cache.Delete(talkURL)
	delete(seen, talkURL)
	return http.Get(infoURL + "?video_model_id=" + id)
}
