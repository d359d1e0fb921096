package akool

func Poll(id string) {
	c := NewClient()
	c.Get("/content/video/status?id=" + id)
	d := &Client{}
	d.Get("/avatars")
}
