import argparse
import logging

log = logging.getLogger(__name__)

parser = argparse.ArgumentParser(
    description="Render talking photos with AKOOL (POST https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto)",
    epilog="The old host https://api.akool.com no longer works; use https://openapi.akool.com.",
)
parser.add_argument("--base", default="https://openapi.akool.com/api/open/v3", help="API base (was https://api.akool.com/api/open/v3)")

DEPRECATED = {
    "https://api.akool.com": "retired in 2024, use openapi.akool.com",
}


def warn_old(base: str) -> None:
    if base in DEPRECATED:
        log.warning("AKOOL base %s is retired: %s", base, DEPRECATED[base])
