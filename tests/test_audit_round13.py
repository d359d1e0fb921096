"""`akool audit` after a twelfth measurement on real third-party code (issue 21, round 13): a
browser client of the app's own backend proxy (an AKOOL-named environment variable with a
relative fallback, in any spelling) makes no AKOOL call. The corpus scripts of these shapes are
in tests/audit_corpus/round13/."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "round13"


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- A. a relative fallback: the app's own server ------------------------------------------------

ROUTE = "fetch(`${AKOOL_API_URL}/talking-photo/create`, { method: 'POST' });\n"
PY_ROUTE = "requests.post(f'{AKOOL_API_URL}/talking-photo/create', json={})\n"
OWN_SERVER = {
    "two-lines.ts": "const AKOOL_API_URL =\n  process.env.NEXT_PUBLIC_AKOOL_API_URL ??\n  '/api/akool';\n",
    "next-line.ts": "const AKOOL_API_URL = process.env.NEXT_PUBLIC_AKOOL_API_URL\n  || '/api/akool';\n",
    "ternary.js": "const AKOOL_API_URL = process.env.REACT_APP_AKOOL_API_URL ? "
    "process.env.REACT_APP_AKOOL_API_URL : '/api/akool';\n",
    "ternary-first.ts": "const AKOOL_API_URL = typeof window !== 'undefined' ? '/api/akool' "
    ": process.env.AKOOL_API_URL;\n",
    "ternary-lines.ts": "const AKOOL_API_URL = process.env.AKOOL_API_URL\n  ? process.env.AKOOL_API_URL\n"
    "  : '/api/akool';\n",
    "helper.ts": "const AKOOL_API_URL = readEnv('VITE_AKOOL_API_URL', '/api/akool');\n",
    "destructured.ts": "const { AKOOL_API_URL = '/api/akool' } = process.env;\n",
    "relative.ts": "const AKOOL_API_URL = './api/akool';\n",
    "string.ts": 'const AKOOL_API_URL: string = String(process.env.AKOOL_API_URL ?? "/api/akool");\n',
    "alias.ts": "const config = {\n  akoolApiUrl: process.env.NEXT_PUBLIC_AKOOL_API_URL || '/api/akool',\n};\n"
    "const AKOOL_API_URL = config.akoolApiUrl;\n",
    "else.py": "AKOOL_API_URL = os.environ['AKOOL_API_URL'] if 'AKOOL_API_URL' in os.environ "
    "else '/api/akool'\n",
    "or.py": "AKOOL_API_URL = os.getenv('AKOOL_API_URL') or './api/akool'\n",
    "if.py": "AKOOL_API_URL = '/api/akool' if IS_BROWSER else os.environ['AKOOL_API_URL']\n",
}


@pytest.mark.parametrize("name", sorted(OWN_SERVER))
def test_a_a_relative_fallback_in_any_spelling_is_the_apps_own_server(name: str) -> None:
    text = OWN_SERVER[name] + (PY_ROUTE if name.endswith(".py") else ROUTE)
    assert places(audit_text(text, name)) == []


@pytest.mark.parametrize(
    "binding",
    [
        "const AKOOL_API_URL = process.env.AKOOL_API_URL;",
        "const AKOOL_API_URL = process.env.AKOOL_API_URL ?? '/api/open/v3';",
        "const AKOOL_API_URL =\n  process.env.AKOOL_API_URL ??\n  'https://openapi.akool.com/api/open/v3';",
    ],
)
def test_a_no_fallback_or_akools_own_stays_judged(binding: str) -> None:
    text = binding + "\nfetch(`${AKOOL_API_URL}/content/video/talkingphoto`, { method: 'POST' });\n"
    found = places(audit_text(text, "d.ts"))
    assert [rule for _, rule in found] == ["unknown-endpoint"]


def test_a_a_config_object_of_another_file_is_followed(tmp_path: Path) -> None:
    (tmp_path / "appSettings.ts").write_text(
        "export const appSettings = {\n"
        "  AKOOL_BASE_URL: process.env.NEXT_PUBLIC_AKOOL_BASE_URL || '/api/akool',\n};\n"
    )
    (tmp_path / "calls.ts").write_text(
        "import { appSettings } from './appSettings';\n"
        "const AKOOL_API = appSettings.AKOOL_BASE_URL;\n"
        "fetch(`${AKOOL_API}/faceswap/create`, { method: 'POST' });\n"
        "fetch(`${appSettings.AKOOL_BASE_URL}/talking-photo/create`, { method: 'POST' });\n"
    )
    assert audit([tmp_path]).findings == []


def test_a_an_env_name_with_a_relative_default_elsewhere_is_not_taken_by_name(
    tmp_path: Path,
) -> None:
    """Another file's relative default for the same name is no import: the file that reads the
    variable with no fallback, and imports nothing, is still judged."""
    (tmp_path / "proxy.ts").write_text(
        "export const AKOOL_API_URL = process.env.AKOOL_API_URL ?? '/api/akool';\n"
    )
    (tmp_path / "direct.ts").write_text(
        "fetch(`${process.env.AKOOL_API_URL}/content/video/talkingphoto`, { method: 'POST' });\n"
    )
    assert [f.rule for f in audit([tmp_path]).findings] == ["unknown-endpoint"]
