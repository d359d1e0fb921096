package akool

type Client struct {
	base string
}

func NewClient() *Client {
	return &Client{base: "https://openapi.akool.com/api/open/v3"}
}

func (c *Client) Get(path string) (*http.Response, error) {
	return http.Get(c.base + path)
}
