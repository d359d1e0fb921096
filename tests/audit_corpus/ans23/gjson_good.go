package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/tidwall/gjson"
)

func info(id string) (string, error) {
	resp, err := http.Get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	h := resp.Header
	fmt.Println(h.Get("x-request-id"), resp.Header.Get("Content-Type"))
	raw, _ := io.ReadAll(resp.Body)
	if gjson.GetBytes(raw, "code").Int() != 1000 {
		return "", errors.New(gjson.GetBytes(raw, "msg").String())
	}
	u, _ := url.Parse(gjson.GetBytes(raw, "data.video").String())
	q := u.Query()
	fmt.Println(q.Get("token"), gjson.GetBytes(raw, "data.video_status").Int())
	return gjson.GetBytes(raw, "data.video").String(), nil
}

func voices() ([]string, error) {
	resp, err := http.Get("https://openapi.akool.com/api/open/v4/voice/list?type=1")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	res := gjson.ParseBytes(raw)
	if res.Get("code").Int() != 1000 {
		return nil, errors.New(res.Get("msg").String())
	}
	var out []string
	for _, v := range res.Get("data.result.#.voice_id").Array() {
		out = append(out, v.String())
	}
	fmt.Println(res.Get("data.result.0.name").String())
	return out, nil
}

func other() string {
	resp, _ := http.Get("https://api.example.com/v1/things")
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return gjson.GetBytes(raw, "message").String()
}
