package main

import (
	"encoding/json"
	"net/http"
)

type swapItem2 struct {
	ID    string `json:"_id"`
	TaskID string `json:"task_id"`
}

type listResp2 struct {
	Code int `json:"code"`
	Data struct {
		Result []swapItem2 `json:"result"`
	} `json:"data"`
}

func List2(ids string) (*listResp2, error) {
	resp, err := http.Get("https://openapi.akool.com/api/open/v3/faceswap/result/listbyids?_ids=" + ids)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &listResp2{}
	err = json.NewDecoder(resp.Body).Decode(out)
	return out, err
}
