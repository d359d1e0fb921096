package akool
const base = "https://openapi.akool.com/api/open/v3"
func Swap(kind string, body []byte) (*http.Response, error) {
	return http.Post(fmt.Sprintf("%s/faceswap/highquality/specify%s", base, kind), "application/json", bytes.NewReader(body))
}
