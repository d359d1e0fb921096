package akool

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
