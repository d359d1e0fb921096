package akool

import "github.com/go-resty/resty/v2"

type Pair struct{ v3, v4 *resty.Client }

func NewPair() *Pair {
	return &Pair{v3: resty.New().SetBaseURL("https://openapi.akool.com/api/open/v3"), v4: resty.New().SetBaseURL("https://openapi.akool.com/api/open/v4")}
}

func (p *Pair) Voices() (*resty.Response, error) { return p.v4.R().Get("/voice/list?type=1") }
func (p *Pair) Faces() (*resty.Response, error) { return p.v3.R().Get("/faceswap/result/listbyids?_ids=a") }
