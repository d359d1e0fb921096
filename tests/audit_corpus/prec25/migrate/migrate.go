package akool

import "strings"

const oldHost = "https://api.akool.com"

// FixURL moves a saved URL off the retired host.
func FixURL(u string) string {
	if strings.HasPrefix(u, oldHost) {
		return strings.Replace(u, "https://api.akool.com", "https://openapi.akool.com", 1)
	}
	return u
}
