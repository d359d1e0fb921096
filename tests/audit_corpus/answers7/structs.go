// Poll and create with answers decoded into struct types (written for the audit's corpus).
package main

const api = "https://openapi.akool.com/api/open/v3"

type infoResp struct {
	Code    int    `json:"code"`
	Success bool   `json:"success"`
	Data    struct {
		Status   int    `json:"status"`
		VideoURL string `json:"video_url"`
		Video    string `json:"video"`
	} `json:"data"`
}

type talkData struct {
	TaskID string `json:"task_id"`
	ID     string `json:"_id"`
}

type talkResp struct {
	Code int      `json:"code"`
	Msg  string   `json:"msg"`
	Data talkData `json:"data"`
}

func poll(id string) {
	resp, _ := http.Get(api + "/content/video/infobymodelid?video_model_id=" + id)
	var out infoResp
	json.NewDecoder(resp.Body).Decode(&out)
}

func talk(body []byte) {
	resp, _ := http.Post(api+"/content/video/createbytalkingphoto", "application/json", bytes.NewReader(body))
	raw, _ := io.ReadAll(resp.Body)
	out := talkResp{}
	json.Unmarshal(raw, &out)
}

type jobResp struct {
	Data struct {
		ID     string `json:"_id"`
		Status int    `json:"video_status"`
		Image  string `json:"image"`
	} `json:"data"`
}

func both(id string) {
	r1, _ := http.Get(api + "/content/video/infobymodelid?video_model_id=" + id)
	var a jobResp
	json.NewDecoder(r1.Body).Decode(&a)
	r2, _ := http.Get(api + "/content/image/infobymodelid?image_model_id=" + id)
	var b jobResp
	json.NewDecoder(r2.Body).Decode(&b)
}
