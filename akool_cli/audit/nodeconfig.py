"""node-config's files as bases: `config/default.json` (and an environment's, `config/production.json`,
`config/local.json`) holding `{"akool": {"baseUrl": "https://openapi.akool.com/api/open/v3"}}` is
what `config.get("akool.baseUrl")` gives the code of the folder (the keys of its sections joined
by `.`, as node-config names them); appconfig.py joins such a read to the path after it."""

from __future__ import annotations

import json

from akool_cli.audit import appconfig, rx, sites
from akool_cli.audit.sites import Base, Bases

# node-config's folder and its files: default, an environment's, local, a deployment's.
CONFIG_FILE = rx.compile(
    r"(?:^|/)config/(?:default|local|production|development|staging|test)[\w.-]*\.json5?$"
)


def config_values(name: str, text: str) -> dict[str, Base]:
    """The AKOOL bases a node-config JSON file sets, by its dotted key (`akool.baseUrl`)."""
    if CONFIG_FILE.search(name.replace("\\", "/")) is None or "akool" not in text.lower():
        return {}
    if len(text) > appconfig.SETTINGS_CHARS:
        return {}
    try:
        tree = json.loads(text)
    except ValueError:
        return {}
    found: dict[str, Base] = {}
    for key, value in appconfig._leaves(tree, ""):
        if "akool" not in value.lower():
            continue
        base = sites._literal_base(f'"{value}"', Bases())
        if base is not None and base.host is not None:
            line = appconfig._line_of(text, value)
            found[key.replace(":", ".")] = Base(
                base.host, base.prefix, name, line, slash=base.slash
            )
    return found
