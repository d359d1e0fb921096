#!/bin/sh
# httpie: name==value is a query parameter, name=value a JSON string field, Header:value a header.
API="https://openapi.akool.com/api/open/v3"
http GET "$API/content/video/infobymodelid" videoModelId=="$ID" "x-api-key:$K"
http POST "$API/content/image/createbyprompt" prompt="a cat" size=1:1 "x-api-key:$K"
