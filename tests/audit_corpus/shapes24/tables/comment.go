package a
import "net/http"
const base = "https://openapi.akool.com/api/open/v3"
var statusPaths = map[string]string{ // job kind -> status path
	"talk":  "/content/video/infobymodelid",
	"image": "/content/image/status",
}
func Poll(kind, id string) { http.Get(base + statusPaths[kind] + "?_id=" + id) }
