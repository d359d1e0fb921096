package main

import (
	"io"
	"net/http"

	"github.com/tidwall/gjson"
)

func Status(id string) string {
	resp, _ := http.Get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)
	body, _ := io.ReadAll(resp.Body)
	return gjson.GetBytes(body, "data.video_status").String() + gjson.GetBytes(body, "data.video").String()
}
