package akool

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
)

const base = "https://openapi.akool.com/api/open/v3"

func call(method, path string, body any, out any) error {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, base+path, bytes.NewReader(b))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

func Token(id, secret string) (string, error) {
	var r tokenResp
	if err := call("POST", "/getToken", map[string]string{"clientId": id, "clientSecret": secret}, &r); err != nil {
		return "", err
	}
	return r.Data.Token, nil
}

func List(ids string) ([]swapItem, error) {
	var r listResp
	err := call("GET", "/faceswap/result/listbyids?_ids="+ids, nil, &r)
	return r.Data.Result, err
}

type tokenResp struct {
	Code int `json:"code"`
	Data struct {
		Token string `json:"token"`
	} `json:"data"`
}

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
