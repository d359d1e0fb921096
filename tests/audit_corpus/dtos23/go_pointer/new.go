package main

import (
	"encoding/json"
	"net/http"
)

type swapItem struct {
	ID    string `json:"_id"`
	JobID string `json:"job_id"`
}

type listResp struct {
	Code int `json:"code"`
	Data struct {
		Result []swapItem `json:"result"`
	} `json:"data"`
}

func List(ids string) (*listResp, error) {
	resp, err := http.Get("https://openapi.akool.com/api/open/v3/faceswap/result/listbyids?_ids=" + ids)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := new(listResp)
	err = json.NewDecoder(resp.Body).Decode(out)
	return out, err
}
