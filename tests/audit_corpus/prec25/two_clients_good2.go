package akool

import "github.com/go-resty/resty/v2"

type Pair3 struct{ v3, v4 *resty.Client }

func NewPair3() *Pair3 {
	return &Pair3{v3: resty.New().SetBaseURL("https://openapi.akool.com/api/open/v3"), v4: resty.New().SetBaseURL("https://openapi.akool.com/api/open/v4")}
}

func (p *Pair3) Info(id string) (*resty.Response, error) {
	return p.v3.R().
		SetQueryParam("video_model_id", id).
		Get("/content/video/infobymodelid")
}
