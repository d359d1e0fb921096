// Package render polls our own render service through the platform's HTTP package.
package render

import (
	"context"
	"net/http"

	"github.com/acme/platform/pkg/httpx"
)

func HeadswapInfo(ctx context.Context, id string) (*http.Response, error) {
	return httpx.Get(ctx, "/v4/headswap/task/info?task_id="+id)
}
