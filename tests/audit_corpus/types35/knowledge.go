package akool

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"strings"
)

const v4 = "https://openapi.akool.com/api/open/v4"

func post(path string, body map[string]interface{}) error {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", v4+path, bytes.NewReader(b))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	req.Header.Set("Content-Type", "application/json")
	_, err := http.DefaultClient.Do(req)
	return err
}

func CreateKB(name string) error {
	return post("/knowledge/create", map[string]interface{}{
		"name": name,
		"docs": []string{"https://example.com/faq.pdf"},
	})
}

func DeleteVoices(ids []string) error {
	return post("/voice/del", map[string]interface{}{"_ids": strings.Join(ids, ",")})
}

func Talk(photo string) error {
	b, _ := json.Marshal(map[string]interface{}{"talking_photo_url": photo, "resolution": "720"})
	req, _ := http.NewRequest("POST", "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", bytes.NewReader(b))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	_, err := http.DefaultClient.Do(req)
	return err
}
