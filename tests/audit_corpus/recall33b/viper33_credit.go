package viper33

import (
	"encoding/json"
	"net/http"
	"os"

	"github.com/spf13/viper"
)

func Credit() (float64, error) {
	req, _ := http.NewRequest("GET", viper.GetString("akool33.base_url")+"/faceswap/quota/infos", nil)
	req.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	var out struct {
		Data struct {
			Credit float64 `json:"credit"`
		} `json:"data"`
	}
	err = json.NewDecoder(res.Body).Decode(&out)
	return out.Data.Credit, err
}
