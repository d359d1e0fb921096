package viper33

import "github.com/spf13/viper"

func init() {
	viper.SetDefault("akool33.base_url", "https://openapi.akool.com/api/open/v3")
	viper.SetDefault("akool33.timeout", 30)
	viper.AutomaticEnv()
}
