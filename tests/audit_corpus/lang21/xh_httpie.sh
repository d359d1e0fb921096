#!/usr/bin/env bash
API=https://openapi.akool.com/api/open/v3
http POST "$API/content/video/infobymodelid" video_model_id==1 x-api-key:$K
xh GET "$API/content/video/infobymodelid" video_model_id==1 x-api-key:$K
xh POST "$API/content/image/createbyprompt" x-api-key:$K prompt=cat scale=1:1
xh -b POST "$API/faceswap/result/delbyids" x-api-key:$K _ids=a,b
https PUT "$API/content/video/createbytalkingphoto" x-api-key:$K talking_photo_url=a audio_url=b
xh "$API/content/video/infobymodelid" video_model_id==1 x-api-key:$K
xh POST "$API/content/image/createbyprompt" x-api-key:$K prompt=cat size=1:1
