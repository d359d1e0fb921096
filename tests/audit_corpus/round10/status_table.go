package jobs

import (
	"context"
	"net/http"
)

const akoolBase = "https://openapi.akool.com/api/open/v3"

var statusPaths = map[string]string{
	"photo": "/content/video/infobymodelid",
	"swap":  "/faceswap/result/info",
}

// Status asks AKOOL for a job's state.
func Status(ctx context.Context, kind, id string) (*http.Response, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", akoolBase+statusPaths[kind]+"?_id="+id, nil)
	return http.DefaultClient.Do(req)
}
