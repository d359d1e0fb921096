"""Rails' custom configuration as bases: `config.x.akool.base_url = ENV.fetch("AKOOL_BASE_URL",
"https://openapi.akool.com/api/open/v3")` (config/application.rb, an environment's file or an
initializer) is the base `Rails.configuration.x.akool.base_url` (or
`Rails.application.config.x.akool.base_url`) reads in the folder's other files."""

from __future__ import annotations

import re

from akool_cli.audit import rx, sites
from akool_cli.audit.sites import Base, Bases

# A custom setting's assignment, and its read (the key after `x.`, as sites.CONFIG_READ gives it).
SETTING = rx.compile(
    r"^\s*(?:Rails\.application\.)?config\.(?P<k>x(?:\.\w+)+)\s*=\s*(?P<v>[^\n#]+)", re.M
)


def config_values(name: str, text: str) -> dict[str, Base]:
    """The AKOOL bases a Ruby file sets as Rails' custom settings, by key (`x.akool.base_url`)."""
    if not name.endswith(".rb") or "config.x." not in text or "akool" not in text.lower():
        return {}
    found: dict[str, Base] = {}
    for m in SETTING.finditer(text):
        value = m.group("v")
        base = sites._literal_base(value, Bases()) if "akool" in value.lower() else None
        if base is not None and base.host is not None:
            line = text.count("\n", 0, m.start())
            found[m.group("k")] = Base(base.host, base.prefix, name, line, slash=base.slash)
    return found
