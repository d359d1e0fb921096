#!/usr/bin/env bash
# Replace the background of a product photo.
curl -s -X POST https://openapi.akool.com/api/open/v3/content/image/bg/replace \
  -H "x-api-key: $AKOOL_API_KEY" -H 'Content-Type: application/json' \
  -d '{"color_code": "#ffffff", "origin_img": "https://x.example/p.png", "modify_origin_img_size": "512x512", "overlay_origin_x": 0, "overlay_origin_y": 0, "canvas_size": "512x512"}'
