from . import videos
