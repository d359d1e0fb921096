package akool

import (
	"encoding/json"
	"errors"
	"net/http"
)

type goodEnvelope struct {
	Code int    `json:"code"`
	Msg  string `json:"msg"`
	Data struct {
		Status   int    `json:"status"`
		VideoURL string `json:"video_url"`
	} `json:"data"`
}

type goodJob struct {
	Code   int
	Status int
}

func DetailGood(id string, j *goodJob) (string, error) {
	if j.Status == 5 || j.Code != 0 {
		return "", nil
	}
	resp, err := http.Get("https://openapi.akool.com/api/open/v4/headswap/task/detail?_id=" + id)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return "", errors.New(resp.Status)
	}
	var out goodEnvelope
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	if out.Code != 1000 {
		return "", errors.New(out.Msg)
	}
	if out.Data.Status == 3 {
		return out.Data.VideoURL, nil
	}
	return "", nil
}
