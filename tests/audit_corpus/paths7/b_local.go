package main

import (
	"net/http"
	"os"
	"path/filepath"
)

const base = "https://openapi.akool.com/api/open/v3"

func save() error {
	dir, err := os.Getwd()
	if err != nil {
		return err
	}
	home, _ := os.UserHomeDir()
	cache := filepath.Join(home, ".akool")
	os.MkdirAll(dir+"/content/video/out", 0o755)
	os.MkdirAll(cache+"/voice/list", 0o755)
	_, err = http.Get(base + "/voice/list")
	_, err = http.Get(base + "/voice/lists")
	return err
}
