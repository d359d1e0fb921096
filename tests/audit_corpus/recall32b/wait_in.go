package worker

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"time"
)

type result struct {
	Data struct {
		VideoStatus int    `json:"video_status"`
		Video       string `json:"video"`
	} `json:"data"`
}

func WaitVideo(id string) (string, error) {
	for i := 0; i < 60; i++ {
		req, _ := http.NewRequest("GET", "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id="+id, nil)
		req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return "", err
		}
		var in result
		json.NewDecoder(res.Body).Decode(&in)
		res.Body.Close()
		if in.Data.VideoStatus == 2 {
			return in.Data.Video, nil
		}
		time.Sleep(5 * time.Second)
	}
	return "", errors.New("timed out")
}
