package main

type route struct{ Method, Path string }

var talkRoute = &route{Method: "GET", Path: "/api/open/v3/content/video/createbytalkingphoto"}
var infoRoute = route{Method: "GET", Path: "/api/open/v3/content/video/infobymodelid"}
