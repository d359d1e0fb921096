#!/bin/sh
# The same calls, correct: no finding.
API="https://openapi.akool.com/api/open/v3"
http GET "$API/content/video/infobymodelid" video_model_id=="$ID" "x-api-key:$K"
http POST "$API/content/image/createbyprompt" prompt="a cat" scale=1:1 "x-api-key:$K"
