package main

import (
	"fmt"
	"os"

	"github.com/go-resty/resty/v2"
)

// A resty client given AKOOL's base with its /api/open/v3 prefix: relative paths join it.
func main() {
	client := resty.New().SetBaseURL("https://openapi.akool.com/api/open/v3")
	client.SetHeader("x-api-key", os.Getenv("AKOOL_API_KEY"))
	resp, err := client.R().
		SetBody(map[string]any{"prompt": "a cat", "scale": "1:1", "webhook_url": "https://example.com/hook"}).
		Post("/content/image/createbyprompt")
	fmt.Println(resp, err)
}
