package akool

import (
	"encoding/json"
	"errors"
	"net/http"
)

type envelope struct {
	Code int    `json:"code"`
	Msg  string `json:"msg"`
	Data struct {
		Status   int    `json:"status"`
		VideoURL string `json:"video_url"`
	} `json:"data"`
}

type job struct {
	Code   int
	Status int
}

func Detail(id string, j *job) (string, error) {
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
	var out envelope
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	if out.Code != 0 {
		return "", errors.New(out.Msg)
	}
	if out.Data.Status == 2 {
		return out.Data.VideoURL, nil
	}
	return "", nil
}
