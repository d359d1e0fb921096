package main

import (
	"net/http"
	"net/url"
)

func credit() (*http.Response, error) {
	base, _ := url.Parse("https://openapi.akool.com/api/open/v3/")
	ref, _ := url.Parse("faceswap/quota/info")
	u, _ := base.Parse("faceswap/quota/info")
	_ = u
	return http.Get(base.ResolveReference(ref).String())
}
