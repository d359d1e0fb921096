package main

import (
	"fmt"
	"net/http"

	"example.com/app/config"
)

func main() {
	resp, err := http.Get(config.CreditsBase + "/faceswap/quota/infos")
	if err != nil {
		panic(err)
	}
	fmt.Println(resp.Status)
}
