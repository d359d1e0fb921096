package main

import (
	"encoding/json"
	"net/http"
)

type envelope[T any] struct {
	Code int    `json:"code"`
	Msg  string `json:"msg"`
	Data T      `json:"data"`
}

type swapItem struct {
	ID    string `json:"_id"`
	JobID string `json:"job_id"`
}

type swapList struct {
	Result []*swapItem `json:"result"`
}

func List(ids string) ([]*swapItem, error) {
	resp, err := http.Get("https://openapi.akool.com/api/open/v3/faceswap/result/listbyids?_ids=" + ids)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out envelope[swapList]
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return out.Data.Result, nil
}
