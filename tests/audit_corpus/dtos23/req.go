package a
import ("bytes"; "encoding/json"; "net/http")
type TalkReq struct {
	Photo string `json:"talking_photo_url"`
	Audio string `json:"audio_url"`
	Hook  string `json:"webhook_url,omitempty"`
}
func Create(r TalkReq) { b, _ := json.Marshal(r); http.Post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", "application/json", bytes.NewReader(b)) }
