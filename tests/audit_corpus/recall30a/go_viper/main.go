package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"

	"github.com/spf13/viper"
)

func main() {
	viper.SetConfigFile("config.yaml")
	_ = viper.ReadInConfig()
	b, _ := json.Marshal(map[string]string{"video_url": os.Args[1], "audio_url": os.Args[2], "webhook": os.Getenv("HOOK")})
	req, _ := http.NewRequest("POST", viper.GetString("akool_media.api_base")+"/content/video/lipsync", bytes.NewReader(b))
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	_, _ = http.DefaultClient.Do(req)
}
