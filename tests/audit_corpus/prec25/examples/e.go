package akool

/*
Example:

	http.Post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", "application/json",
		strings.NewReader(`{"talking_photo_url": "..."}`))
*/
func Doc() {}
