package main

import "net/url"

func a() string {
	u := url.URL{Scheme: "https", Host: "openapi.akool.com", Path: "/api/open/v3/photo/talking"}
	return u.String()
}
func b() string {
	u := &url.URL{Scheme: "https", Host: "api.akool.com", Path: "/api/open/v3/content/video/createbytalkingphoto"}
	return u.String()
}
