"""Account pages of our AKOOL reseller portal: login and the CMS list, our own backend."""

from app.net.request_utils import get, post

AKOOL_PORTAL = "akool-portal"


def akool_portal_login(user, password):
    return post("/v1/auth/login", json={"user": user, "password": password, "portal": AKOOL_PORTAL})


def akool_portal_pages():
    return get("/v1/content/list", params={"portal": AKOOL_PORTAL})
