package akool

import (
	"os"
	"strings"

	"github.com/go-resty/resty/v2"
)

type Results struct {
	Code int `json:"code"`
	Data struct {
		Result []struct {
			URL string `json:"url"`
		} `json:"result"`
	} `json:"data"`
}

func FaceswapResults(ids []string) (*Results, error) {
	client := resty.New().
		SetBaseURL("https://openapi.akool.com/api/open/v3").
		SetHeader("x-api-key", os.Getenv("AKOOL_API_KEY"))
	var out Results
	_, err := client.R().
		SetQueryParam("ids", strings.Join(ids, ",")).
		SetResult(&out).
		Get("/faceswap/result/listbyids")
	return &out, err
}
