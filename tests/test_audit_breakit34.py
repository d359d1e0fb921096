"""Session 34, breakit34: a script holding one NUL byte (in a comment, which an interpreter still
runs) is said as not scanned, never skipped silently as an image is (a gate would pass on it)."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit

WRONG = 'fetch("https://openapi.akool.com/api/open/v3/content/video/createByTalkingPhoto");\n'


def test_a_script_holding_a_nul_byte_is_not_scanned_and_said(tmp_path: Path) -> None:
    (tmp_path / "evade.js").write_bytes(WRONG.encode() + b"// x\x00y\n")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "data.bin").write_bytes(b"abc\x00def")
    result = audit([tmp_path])
    assert [(Path(shown).name, why) for shown, why in result.skipped] == [
        ("evade.js", "a script holding a NUL byte")
    ]


def test_a_script_whose_bytes_are_not_text_stays_binary(tmp_path: Path) -> None:
    (tmp_path / "blob.js").write_bytes(b"\xff\xfe\x00\x00\x89\x00")
    assert audit([tmp_path]).skipped == []
