// Package akool polls AKOOL jobs through the platform's HTTP package.
package akool

import (
	"context"
	"net/http"

	"github.com/acme/platform/pkg/httpx"
)

var akoolKey = os.Getenv("AKOOL_API_KEY")

func AkoolHeadswapInfo(ctx context.Context, id string) (*http.Response, error) {
	return httpx.Get(ctx, "/v4/headswap/task/info?task_id="+id)
}

func AkoolAvatars(ctx context.Context) (*http.Response, error) {
	return httpx.Get(ctx, "/v3/avatar/lists")
}
