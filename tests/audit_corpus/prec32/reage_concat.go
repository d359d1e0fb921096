package main
func f(img string, years int) {
	body := "{\"targetImage\":[{\"path\":\"" + img + "\",\"opts\":\"\"}],\"face_reage\":" + strconv.Itoa(years) + ",\"modifyImage\":\"" + img + "\"}"
	body2 := fmt.Sprintf("{\"targetImage\":[{\"path\":\"%s\",\"opts\":\"\"}],\"face_reage\":%d,\"modifyImage\":\"%s\"}", img, years, img)
	http.Post("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage", "application/json", strings.NewReader(body))
}
