package akool

const (
	Base = "https://openapi.akool.com"
	Talk = "/api/open/v3/content/video/createbytalkingphoto"
)

type endpoints struct{ Talk, Info string }

var Paths = endpoints{Talk: "/api/open/v3/content/video/createbytalkingphoto", Info: "/api/open/v3/content/video/infobymodelid"}
