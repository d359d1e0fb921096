package akool

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
)

func TestTalk(t *testing.T) {
	httpmock.Activate()
	defer httpmock.DeactivateAndReset()
	httpmock.RegisterResponder("POST", "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
		httpmock.NewJsonResponderOrPanic(200, map[string]any{"code": 1000, "data": map[string]any{"_id": "x"}}))
	httpmock.RegisterResponder("POST", "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
		httpmock.NewStringResponder(200, `{"code": 1000, "data": {"_id": "x"}}`))
	httpmock.RegisterResponder(http.MethodPost, "https://openapi.akool.com/api/open/v3/content/image/createbyprompt",
		httpmock.NewJsonResponderOrPanic(200, map[string]any{"code": 1000, "data": map[string]any{"_id": "x", "size": "1:1"}}))
}
