// Poll a talking photo with net/http and encoding/json (written for the audit's corpus).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

const api = "https://openapi.akool.com/api/open/v3"

func poll(id string) (string, error) {
	resp, err := http.Get(api + "/content/video/infobymodelid?video_model_id=" + id)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out map[string]interface{}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	data := out["data"].(map[string]interface{})
	fmt.Println(data["status"])
	return out["data"].(map[string]interface{})["video_url"].(string), nil
}

func credit() float64 {
	resp, _ := http.Get(api + "/faceswap/quota/info")
	raw, _ := io.ReadAll(resp.Body)
	var answer map[string]map[string]float64
	json.Unmarshal(raw, &answer)
	return answer["data"]["credit"]
}
