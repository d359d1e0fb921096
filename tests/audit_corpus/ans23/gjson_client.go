// Package akool: a small client whose request helper hands back a gjson.Result.
package akool

import (
	"errors"
	"io"
	"net/http"

	"github.com/tidwall/gjson"
)

const base = "https://openapi.akool.com"

type Client struct{ Key string }

func (c *Client) do(method, path string) (gjson.Result, error) {
	req, err := http.NewRequest(method, base+path, nil)
	if err != nil {
		return gjson.Result{}, err
	}
	req.Header.Set("x-api-key", c.Key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return gjson.Result{}, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return gjson.ParseBytes(raw), nil
}

func (c *Client) VideoURL(id string) (string, error) {
	res, err := c.do("GET", "/api/open/v3/content/video/infobymodelid?video_model_id="+id)
	if err != nil {
		return "", err
	}
	if res.Get("code").Int() != 1000 {
		return "", errors.New(res.Get("message").String())
	}
	return res.Get("data.video_url").String(), nil
}

func Languages() ([]string, error) {
	resp, err := http.Get(base + "/api/open/v3/language/list")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if gjson.GetBytes(raw, "code").Int() != 1000 {
		return nil, errors.New(gjson.GetBytes(raw, "error").String())
	}
	var out []string
	for _, v := range gjson.GetBytes(raw, "data.lang_list.#.lang_code").Array() {
		out = append(out, v.String())
	}
	return out, nil
}
