package app

import (
	"encoding/json"
	"net/http"

	"gorm.io/gorm"
)

// Render is our own row: 0 new, 5 published.
type Render struct {
	gorm.Model
	AkoolID     string `gorm:"column:akool_id" json:"akool_id"`
	VideoStatus int    `gorm:"column:video_status" json:"video_status"`
}

type videoInfo struct {
	Data struct {
		VideoStatus int    `json:"video_status"`
		Video       string `json:"video"`
	} `json:"data"`
}

func Sync(db *gorm.DB, render *Render) error {
	if render.VideoStatus == 5 {
		return nil
	}
	resp, err := http.Get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + render.AkoolID)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var info videoInfo
	if err := json.NewDecoder(resp.Body).Decode(&info); err != nil {
		return err
	}
	if info.Data.VideoStatus == 3 {
		render.VideoStatus = 5
		return db.Save(render).Error
	}
	return nil
}
