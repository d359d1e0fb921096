"""A small command-line tool around AKOOL's face swap: its help text shows a request example."""

import argparse
import sys
import textwrap

import requests

API = "https://openapi.akool.com/api/open/v3"

EPILOG = textwrap.dedent(
    """
    example (what the tool sends):

        requests.post(
            "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
            headers={"Authorization": "Bearer TOKEN"},
            json={"photo": "https://x/p.png", "audio": "https://x/a.mp3"},
        )
    """
)


def show_markdown_help() -> None:
    print("""
## Calling the API by hand

```bash
curl -X POST https://openapi.akool.com/api/open/v3/faceswap/doit -d '{"img": "x"}'
```
""")


def main() -> None:
    parser = argparse.ArgumentParser(description="talking photo", epilog=EPILOG)
    parser.add_argument("photo")
    parser.add_argument("audio")
    parser.add_argument("--markdown-help", action="store_true")
    args = parser.parse_args()
    if args.markdown_help:
        show_markdown_help()
        sys.exit(0)
    r = requests.post(
        f"{API}/content/video/createbytalkingphoto",
        headers={"Authorization": "Bearer x"},
        json={"talking_photo_url": args.photo, "audio": args.audio},
    )
    print(r.json()["data"]["_id"])


if __name__ == "__main__":
    main()
