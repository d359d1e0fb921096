package a
import ("bytes"; "encoding/json"; "net/http")
type GoodReq struct {
	Photo string `json:"talking_photo_url"`
	Audio string `json:"audio_url"`
	Hook  string `json:"webhookUrl,omitempty"`
}
func CreateGood(r GoodReq) { b, _ := json.Marshal(r); http.Post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", "application/json", bytes.NewReader(b)) }
