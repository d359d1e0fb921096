package a
import ("io"; "net/http"; "github.com/buger/jsonparser")
func F(id string) (string, error) {
	res, err := http.Get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)
	if err != nil { return "", err }
	b, _ := io.ReadAll(res.Body)
	return jsonparser.GetString(b, "data", "video_status")
}
