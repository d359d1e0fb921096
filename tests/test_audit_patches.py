"""`akool audit --diff` on third-party-shaped code: the patch applies (`git apply --check`), the
patched files audit clean for what was fixed with nothing new, and nothing but an AKOOL thing
changes: not a constant or a body that other calls share, not a key into a duplicate, not Go's
struct fields, not the script's own routes, not a host that only has "akool" in its name. Files
keep their bytes: CR-only and CRLF line endings, Latin-1, form feeds and U+2028."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from akool_cli.audit.scan import audit
from tests.conftest import ROOT

TRICKY = {
    "shared.py": (
        "import requests\n"
        'BASE = "https://openapi.akool.com/api/open"\n'
        'RES = "720p"\n'
        'common = {"webhook_url": hook}\n'
        'requests.post(BASE + "/v3/content/video/createbytalkingphoto", json={"talking_photo_url": p, "audio_url": a, "resolution": RES})\n'
        'requests.post(BASE + "/v4/characterSwap/create", json={"image": i, "video": v, "resolution": RES})\n'
        'requests.post(BASE + "/v3/content/video/lipsync", json=common)\n'
        'requests.post(BASE + "/v4/characterSwap/create", json=common)\n'
    ),
    "dupes.py": (
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        'requests.post(BASE + "/content/video/lipsync", json={"video_url": v, "webhook_url": h, "webhookUrl": h})\n'
        'requests.post(BASE + "/content/video/createbytalkingphoto",\n'
        '    json={"image_url": u, "photo_url": u, "audio_url": a, "resolution": "1080p"})\n'
    ),
    "client.go": (
        "package akool\n\n"
        'const base = "https://openapi.akool.com"\n\n'
        "func Talk(c *Client, p, a, h string) {\n"
        '\tc.post(base+"/api/open/v3/content/video/createbytalkingphoto", TalkingPhotoRequest{\n'
        "\t\tTalkingPhotoURL: p,\n\t\tAudioURL:        a,\n\t\tWebhookUrl:      h,\n\t})\n"
        '\tbody := map[string]interface{}{"modifyVideo": v, "webhook_url": h}\n'
        '\tc.post(base+"/api/open/v3/faceswap/highquality/specifyvideo", body)\n'
        "}\n"
    ),
    "server.js": (
        "const api = axios.create({ baseURL: 'https://openapi.akool.com/api/open/v3' });\n"
        "app.post('/api/open/v4/voice/delete', async (req, res) => {\n"
        "  res.json(await api.post('/content/video/createByTalkingPhoto', req.body));\n"
        "});\n"
    ),
    "proxy.py": (
        'GATEWAY = "https://akool-proxy.example.com/api/open/v3"\n'
        'requests.post(GATEWAY + "/content/video/createbytalkingphoto", json={"resolution": "1080p"})\n'
        'requests.get("https://api.akool.com/api/open/v3/faceswap/quota/info")\n'
    ),
}


def run_diff(folder: Path) -> subprocess.CompletedProcess[bytes]:
    """`akool audit --diff .` as a real process, its stdout as bytes (what a pipe gets)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AKOOL_")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "akool_cli", "audit", "--diff", "."],
        cwd=folder,
        env=env,
        capture_output=True,
        check=False,
    )


def git(folder: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(folder), *args], input=stdin, capture_output=True)


def apply_and_reaudit(
    folder: Path,
) -> tuple[set[tuple[str, int, str, str]], set[tuple[str, int, str, str]], bytes]:
    """The findings before that carry a fix, those after the patch is applied, and the patch."""
    git(folder, "init", "-q")
    before = audit([folder]).findings
    fixable = {(Path(f.file).name, f.line, f.rule, f.found) for f in before if f.fix is not None}
    done = run_diff(folder)
    assert done.returncode == 8, done.stderr
    check = git(folder, "apply", "--check", "-", stdin=done.stdout)
    assert check.returncode == 0, check.stderr.decode()
    assert git(folder, "apply", "-", stdin=done.stdout).returncode == 0
    after = {(Path(f.file).name, f.line, f.rule, f.found) for f in audit([folder]).findings}
    left = {(Path(f.file).name, f.line, f.rule, f.found) for f in before} - fixable
    assert after == left, "a fixed finding is still there, or a new one appeared"
    return fixable, after, done.stdout


def test_patches_change_only_akool_things_and_audit_clean(tmp_path: Path) -> None:
    for name, text in TRICKY.items():
        (tmp_path / name).write_text(text)
    fixable, _, diff = apply_and_reaudit(tmp_path)
    assert {(f, rule) for f, _, rule, _ in fixable} == {
        ("dupes.py", "misnamed-field"),  # image_url: talking_photo_url (photo_url left alone)
        ("dupes.py", "bad-value"),
        ("client.go", "misnamed-field"),  # the map's key, not the struct's field
        ("server.js", "unknown-endpoint"),  # the call, not the route
        ("proxy.py", "wrong-host"),  # api.akool.com, not akool-proxy.example.com
    }
    shared = (tmp_path / "shared.py").read_text()
    assert shared == TRICKY["shared.py"], "a constant or body other calls share was changed"
    assert ('RES = "720p"' in shared) and '{"webhook_url": hook}' in shared
    dupes = (tmp_path / "dupes.py").read_text()
    assert '"webhook_url": h, "webhookUrl": h' in dupes  # no second webhookUrl key
    assert '{"talking_photo_url": u, "photo_url": u' in dupes
    go = (tmp_path / "client.go").read_text()
    assert "WebhookUrl:      h" in go and '"webhookUrl": h' in go
    js = (tmp_path / "server.js").read_text()
    assert "app.post('/api/open/v4/voice/delete'" in js
    assert "api.post('/content/video/createbytalkingphoto'" in js
    proxy = (tmp_path / "proxy.py").read_text()
    assert "akool-proxy.example.com" in proxy and "openapi.akool.com/api/open/v3/faceswap" in proxy
    assert b"shared.py" not in diff


@pytest.mark.parametrize(
    ("name", "data", "line"),
    [
        (
            "cr.sh",
            b"#!/bin/sh\rA=1\rcurl https://api.akool.com/api/open/v3/faceswap/quota/info\r",
            3,
        ),
        (
            "crlf.sh",
            b"#!/bin/sh\r\n\r\ncurl https://api.akool.com/api/open/v3/faceswap/quota/info\r\n",
            3,
        ),
        (
            "latin1.py",
            b"# -*- coding: latin-1 -*-\n# R\xe9sum\xe9 \xa9 2024\n"
            b'URL = "https://api.akool.com/api/open/v3/faceswap/quota/info"  # caf\xe9\n',
            3,
        ),
        (
            "breaks.js",
            "// a\u2028b\u2029c\fd\x0be\x1cf\x85g\n"
            'fetch("https://api.akool.com/api/open/v3/faceswap/quota/info");\n'.encode(),
            2,
        ),
    ],
)
def test_line_numbers_and_patches_keep_the_files_bytes(
    tmp_path: Path, name: str, data: bytes, line: int
) -> None:
    (tmp_path / name).write_bytes(data)
    found = audit([tmp_path]).findings
    assert [(f.line, f.rule) for f in found] == [(line, "wrong-host")]
    apply_and_reaudit(tmp_path)
    assert (tmp_path / name).read_bytes() == data.replace(b"api.akool.com", b"openapi.akool.com")


def test_a_shorthand_property_keeps_its_variable(tmp_path: Path) -> None:
    """break21: `{ prompt, size }` became `{ prompt, scale }`, which applies, parses and throws
    ReferenceError at run time: a shorthand property names a variable too."""
    (tmp_path / "short.js").write_text(
        "const BASE = 'https://openapi.akool.com/api/open/v3';\n"
        "async function img(prompt, size) {\n"
        "  return fetch(`${BASE}/content/image/createbyprompt`, { method: 'POST',\n"
        "    body: JSON.stringify({ prompt, size }) });\n"
        "}\n"
        "async function other(prompt, size) {\n"
        "  return fetch(`${BASE}/content/image/createbyprompt`, { method: 'POST',\n"
        "    body: JSON.stringify({ prompt: prompt, size: size }) });\n"
        "}\n"
    )
    apply_and_reaudit(tmp_path)
    js = (tmp_path / "short.js").read_text()
    assert "JSON.stringify({ prompt, scale: size })" in js
    assert "JSON.stringify({ prompt: prompt, scale: size })" in js


def test_a_link_to_a_scanned_file_is_neither_reported_twice_nor_patched(tmp_path: Path) -> None:
    """break21: a committed symlink to a scanned file got its own findings and its own hunk,
    which `git apply` refused, so none of the patch applied."""
    (tmp_path / "talk.py").write_text(TRICKY["dupes.py"])
    (tmp_path / "link.py").symlink_to("talk.py")
    fixable, _, diff = apply_and_reaudit(tmp_path)
    assert {name for name, *_ in fixable} == {"talk.py"}
    assert b"link.py" not in diff
    assert (tmp_path / "link.py").is_symlink()


def test_a_file_name_with_a_tab_is_left_to_a_person(tmp_path: Path) -> None:
    """break21: a TAB in a name cut the unquoted ---/+++ header, and git apply refused the
    whole patch; such a file is left out of it, the others are patched."""
    (tmp_path / "t\tab.py").write_text(TRICKY["dupes.py"])
    (tmp_path / "plain.py").write_text(TRICKY["dupes.py"])
    done = run_diff(tmp_path)
    git(tmp_path, "init", "-q")
    assert git(tmp_path, "apply", "--check", "-", stdin=done.stdout).returncode == 0
    assert b"plain.py" in done.stdout and b"t\tab.py" not in done.stdout
