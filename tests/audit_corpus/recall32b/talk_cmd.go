package cmd

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"

	"github.com/spf13/cobra"
)

var (
	photoURL   string
	audioURL   string
	resolution string
)

var talkCmd = &cobra.Command{
	Use:   "talk",
	Short: "Make a talking photo video",
	RunE: func(cmd *cobra.Command, args []string) error {
		payload, err := json.Marshal(map[string]any{
			"talking_photo_url": photoURL,
			"audio_url":         audioURL,
			"resolution":        resolution,
		})
		if err != nil {
			return err
		}
		req, _ := http.NewRequest(http.MethodPost, "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", bytes.NewReader(payload))
		req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
		req.Header.Set("Content-Type", "application/json")
		_, err = http.DefaultClient.Do(req)
		return err
	},
}

func init() {
	talkCmd.Flags().StringVarP(&photoURL, "photo", "p", "", "photo URL")
	talkCmd.Flags().StringVarP(&audioURL, "audio", "a", "", "audio URL")
	talkCmd.Flags().StringVarP(&resolution, "resolution", "r", "1080p", "output resolution")
}
