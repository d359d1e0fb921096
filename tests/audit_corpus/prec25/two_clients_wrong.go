package akool

import "github.com/go-resty/resty/v2"

type Pair2 struct{ v3, v4 *resty.Client }

func NewPair2() *Pair2 {
	return &Pair2{v3: resty.New().SetBaseURL("https://openapi.akool.com/api/open/v3"), v4: resty.New().SetBaseURL("https://openapi.akool.com/api/open/v4")}
}

func (p *Pair2) Faces() (*resty.Response, error) { return p.v4.R().Get("/faceswap/result/listbyids?_ids=a") }
