package migrate

import "strings"

var hostFix = strings.NewReplacer("https://api.akool.com", "https://openapi.akool.com")

func Fix(u string) string { return hostFix.Replace(u) }

var rules = []struct{ From, To string }{
	{From: "https://api.akool.com", To: "https://openapi.akool.com"},
}
