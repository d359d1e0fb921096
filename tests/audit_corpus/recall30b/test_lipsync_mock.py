import responses
from responses import matchers
responses.add(responses.POST, "https://openapi.akool.com/api/open/v3/content/video/lipsync",
              match=[matchers.json_params_matcher({"video_url": "v", "audio": "a"})], json={"code": 1000})
