package worker

import (
	"encoding/json"
	"net/http"

	"gorm.io/gorm"
)

type Render struct {
	gorm.Model
	TaskID      string
	VideoStatus int `json:"video_status"`
}

type info struct {
	Code int `json:"code"`
	Data struct {
		VideoStatus int    `json:"video_status"`
		Video       string `json:"video"`
	} `json:"data"`
}

func Poll(db *gorm.DB, id uint, key string) error {
	var render Render
	if err := db.First(&render, id).Error; err != nil {
		return err
	}
	if render.VideoStatus == 5 {
		return nil
	}
	req, _ := http.NewRequest("GET", "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id="+render.TaskID, nil)
	req.Header.Set("x-api-key", key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var out info
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return err
	}
	if out.Data.VideoStatus == 3 {
		render.VideoStatus = 5
		db.Save(&render)
	}
	return nil
}
