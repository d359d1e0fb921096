package leak
import ("bytes"; "encoding/json"; "net/http")
type Config struct {
	Root string `json:"root"`
	Key  string `json:"key"`
}
type Talk struct {
	Photo string `json:"talking_photo_url"`
	Audio string `json:"audio_url"`
}
func Create(c Config, t Talk) error {
	b, _ := json.Marshal(t)
	req, _ := http.NewRequest("POST", c.Root+"/api/open/v3/content/video/createbytalkingphoto", bytes.NewReader(b))
	req.Header.Set("x-api-key", c.Key)
	_, err := http.DefaultClient.Do(req)
	return err
}
func Save(c Config) { http.Post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", "application/json", nil); _ = c }
