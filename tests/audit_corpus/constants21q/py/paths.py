"""The AKOOL paths the jobs call."""


class Paths:
    TALK = "/api/open/v3/content/video/createbytalkingphoto"
    INFO = "/api/open/v3/content/video/infobymodelid"


class Guessed:
    RESULT = "/content/video/status/"
    TALKING = "/photo/talking"
