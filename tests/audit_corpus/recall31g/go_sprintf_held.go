package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
)

func main() {
	body := fmt.Sprintf(`{"talking_photo_url":"%s","resolution":"720"}`, os.Args[1])
	req, _ := http.NewRequest("POST", "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", strings.NewReader(body))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fmt.Println(string(b))
}
