package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

func getToken(id, secret string) (string, error) {
	body, _ := json.Marshal(map[string]string{"clientId": id, "clientSecret": secret})
	resp, err := http.Post("https://openapi.akool.com/api/open/v3/getToken", "application/json", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var result struct {
		Code int `json:"code"`
		Data struct {
			Token string `json:"token"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&result); err != nil {
		return "", err
	}
	return result.Data.Token, nil
}
