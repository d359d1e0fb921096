"""node-config's files as bases: `config/default.json` (and an environment's, `config/production.json`,
`config/local.json`) holding `{"akool": {"baseUrl": "https://openapi.akool.com/api/open/v3"}}` is
what `config.get("akool.baseUrl")` gives the code of the folder (the keys of its sections joined
by `.`, as node-config names them); appconfig.py joins such a read to the path after it."""

from __future__ import annotations

from akool_cli.audit import appconfig, rx
from akool_cli.audit.sites import Base

# node-config's folder and its files: default, an environment's, local, a deployment's.
CONFIG_FILE = rx.compile(
    r"(?:^|/)config/(?:default|local|production|development|staging|test)[\w.-]*\.json5?$"
)


def config_values(name: str, text: str) -> dict[str, Base]:
    """The AKOOL bases a node-config JSON file sets, by its dotted key (`akool.baseUrl`)."""
    if CONFIG_FILE.search(name.replace("\\", "/")) is None or "akool" not in text.lower():
        return {}
    return appconfig.json_bases(name, text, ".")
