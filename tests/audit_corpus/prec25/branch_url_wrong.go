package akool

import (
	"encoding/json"
	"net/http"
)

const base = "https://openapi.akool.com/api/open/v3"
const videoInfo = base + "/content/video/infobymodelid"
const imageInfo = base + "/content/image/infobymodelid"

func Status(kind, id string) (string, error) {
	var url string
	switch kind {
	case "video":
		url = videoInfo + "?video_model_id=" + id
	default:
		url = imageInfo + "?image_model_id=" + id
	}
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	var j map[string]map[string]any
	json.NewDecoder(resp.Body).Decode(&j)
	return j["data"]["status"].(string), nil
}
