package sms

import (
	"bytes"
	"net/http"

	"example.com/notify/config"
)

func Send(body []byte) (*http.Response, error) {
	base := config.Load().APIBase
	return http.Post(base+"/api/open/v1/sms/send", "application/json", bytes.NewReader(body))
}
