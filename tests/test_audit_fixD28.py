"""fixD28's tests: `--diff` patches that keep TypeScript building, a folder whose git files would
block the audit, typed parameter defaults across files, JSON bodies in other escapings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from akool_cli.audit import fixes, gitignores, scan
from akool_cli.audit.rules import Fix

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
SCRIPT = f'import requests\nrequests.post("{TALK}", json={{"resolution": "720p"}})\n'
# A guard against a hang only (the audit of one file takes a second or two): never a speed test.
HANG_GUARD_SECONDS = 90


def _akool(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`akool ARGS` run as users run it, killed if it has not ended by the guard (a hang fails
    the test; the run's own time is never judged)."""
    command = [sys.executable, "-m", "akool_cli", *args]
    try:
        return subprocess.run(
            command,
            cwd=cwd,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=HANG_GUARD_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"akool {' '.join(args)} hung (still running after {HANG_GUARD_SECONDS} s)")


def _audit_finishes(folder: Path) -> subprocess.CompletedProcess[str]:
    return _akool("audit", str(folder))


def _repository(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "talk.py").write_text(SCRIPT, encoding="utf-8")
    return tmp_path


def _include(config: Path, value: str) -> None:
    with config.open("a", encoding="utf-8") as handle:
        handle.write(f"[include]\n\tpath = {value}\n")


def _reported(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 8, run.stderr  # (the script's finding: the audit read the tree)
    assert "talk.py:2:" in run.stdout, run.stdout


# -- git-include-nested-fifo -----------------------------------------------------------------


def test_a_fifo_an_included_config_includes_is_not_handed_to_git(tmp_path: Path) -> None:
    """.git/config includes inc/other.cfg, which includes deeper/fifo.cfg (relative to its own
    folder, as git reads it): git waited on the FIFO forever (main: the direct include only)."""
    top = _repository(tmp_path)
    (top / "inc" / "deeper").mkdir(parents=True)
    os.mkfifo(top / "inc" / "deeper" / "fifo.cfg")
    _include(top / "inc" / "other.cfg", "deeper/fifo.cfg")
    _include(top / ".git" / "config", "../inc/other.cfg")
    found = gitignores.special_source(top, top)
    assert found is not None and os.path.samefile(found, top / "inc/deeper/fifo.cfg"), found
    _reported(_audit_finishes(top))


def test_an_include_cycle_is_followed_once(tmp_path: Path) -> None:
    """a.cfg includes b.cfg, which includes a.cfg, and b.cfg also includes a FIFO: found, and the
    cycle read once (git itself refuses it: the audit reads the ignore files itself)."""
    top = _repository(tmp_path)
    os.mkfifo(top / "fifo.cfg")
    _include(top / "a.cfg", "b.cfg")
    _include(top / "b.cfg", "a.cfg")
    _include(top / "b.cfg", "fifo.cfg")
    _include(top / ".git" / "config", "../a.cfg")
    found = gitignores.special_source(top, top)
    assert found is not None and os.path.samefile(found, top / "fifo.cfg"), found
    _reported(_audit_finishes(top))


def test_an_include_cycle_without_a_fifo_ends(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    _include(top / "a.cfg", "b.cfg")
    _include(top / "b.cfg", "a.cfg")
    _include(top / ".git" / "config", "../a.cfg")
    assert gitignores.special_source(top, top) is None
    _reported(_audit_finishes(top))


def test_an_excludes_file_that_is_a_fifo_is_not_handed_to_git(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    os.mkfifo(top / "ignores")
    with (top / ".git" / "config").open("a", encoding="utf-8") as handle:
        handle.write(f"[core]\n\texcludesFile = {top / 'ignores'}\n")
    assert gitignores.special_source(top, top) is not None
    _reported(_audit_finishes(top))


def test_an_included_excludes_file_that_is_a_fifo_is_not_handed_to_git(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    os.mkfifo(top / "ignores")
    (top / "more.cfg").write_text("[core]\n\texcludesFile = ignores\n", encoding="utf-8")
    _include(top / ".git" / "config", "../more.cfg")
    assert gitignores.special_source(top, top) is not None
    _reported(_audit_finishes(top))


def test_a_fifo_named_like_a_script_is_skipped(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    os.mkfifo(top / "waits.py")
    _reported(_audit_finishes(top))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_dev_zero_is_skipped(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    (top / "zero.py").symlink_to("/dev/zero")
    _reported(_audit_finishes(top))
    named = _audit_finishes(top / "zero.py")  # (named on the command line: skipped too)
    assert named.returncode != 8 and "talk.py" not in named.stdout


# -- cast-literal: a type's member renamed with the literals it types, or not at all ----------

IMAGE_TYPE = "type ImageBody = { prompt: string; size: string };\n"
V3 = 'const V3 = "https://openapi.akool.com/api/open/v3";\n'
SEND = (
    "export async function img(p: string) {{\n{body}"
    '  return fetch(`${{V3}}/content/image/createbyprompt`, {{ method: "POST", '
    'body: JSON.stringify(<ImageBody>{{ prompt: p, size: "1:1" }}) }});\n}}\n'
)


def _diff_and_apply(folder: Path, name: str, text: str) -> tuple[str, str]:
    """`akool audit --diff` of one TypeScript file, as users run it; the patched text."""
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / name).write_text(text, encoding="utf-8")
    run = _akool("audit", "--diff", name, cwd=folder)
    if run.stdout:
        applied = subprocess.run(
            ["git", "apply", "-"], cwd=folder, input=run.stdout, text=True, capture_output=True
        )
        assert applied.returncode == 0, applied.stderr
    return run.stdout, (folder / name).read_text(encoding="utf-8")


def test_a_cast_literal_is_renamed_with_its_types_member(tmp_path: Path) -> None:
    """`<ImageBody>{ prompt: p, size }` sent to createbyprompt (documented: scale): main renamed
    the type's member only, and `tsc` refused the patched file (the literal's `size` no longer
    a member). Both are renamed now, and the patched file audits without a misnamed field."""
    text = IMAGE_TYPE + V3 + SEND.format(body="")
    diff, after = _diff_and_apply(tmp_path, "cast.ts", text)
    assert "+type ImageBody = { prompt: string; scale: string };" in diff
    assert '<ImageBody>{ prompt: p, scale: "1:1" }' in after
    assert "size" not in after
    clean = _akool("audit", "cast.ts", cwd=tmp_path)
    assert "size" not in clean.stdout and "scale" not in clean.stdout, clean.stdout


def test_an_annotated_literal_is_renamed_with_its_types_member(tmp_path: Path) -> None:
    body = '  const b: ImageBody = { prompt: p, size: "1:1" };\n  console.log(b);\n'
    _, after = _diff_and_apply(tmp_path, "annot.ts", IMAGE_TYPE + V3 + SEND.format(body=body))
    assert after.count("scale") == 3 and "size" not in after


@pytest.mark.parametrize(
    ("name", "declared", "body"),
    [
        (
            "read.ts",
            IMAGE_TYPE,
            '  const b: ImageBody = { prompt: p, size: "1:1" };\n  console.log(b.size);\n',
        ),
        ("exported.ts", "export " + IMAGE_TYPE, ""),
        ("param.ts", IMAGE_TYPE, "  const f = (b: ImageBody) => b;\n  console.log(f);\n"),
    ],
)
def test_a_type_used_otherwise_keeps_its_member(
    tmp_path: Path, name: str, declared: str, body: str
) -> None:
    """A member read through a typed name (`b.size`), an exported type (other files may type
    literals by it) or a parameter's type (its callers' literals): neither is renamed, the
    finding stays for a person (main renamed the member alone in each)."""
    diff, after = _diff_and_apply(tmp_path, name, declared + V3 + SEND.format(body=body))
    assert "scale" not in diff and "scale" not in after


# -- escaped-json-dialects: JSON bodies in strings with another escaping ----------------------

ESCAPED = Path(__file__).parent / "audit_corpus" / "fixD28" / "escaped"
IMAGE = "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
DIALECTS = {
    # Chrome's "Copy as cURL (cmd)": every quote caret-escaped (main: a false unknown-endpoint
    # on `createbytalkingphoto^` and the body unread)
    "chrome_copy.cmd": (4, "bad-value"),
    "doubled.bat": (3, "bad-value"),  # -d "{""resolution"":""720p""}"
    "curl_in_fstring.py": (5, "misnamed-field"),  # f'curl -d "{{\\"size\\": ...}}"'
}


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_a_json_body_in_another_escaping_is_read_on_its_own_line(name: str) -> None:
    text = (ESCAPED / name).read_text(encoding="utf-8")
    found = [(f.line, f.rule) for f in scan.audit_text(text, name)]
    line, rule = DIALECTS[name]
    assert found == [(line, rule)], found


def test_the_patches_keep_each_strings_own_escaping(tmp_path: Path) -> None:
    """`""720""` in the batch file, `\\\\"scale\\\\"` in the f-string: git apply takes the patch and
    the patched files audit clean; the caret-escaped command is left to a person (its value is
    cut by carets the patch would have to write)."""
    for name in DIALECTS:
        (tmp_path / name).write_bytes((ESCAPED / name).read_bytes())
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    command = [sys.executable, "-m", "akool_cli", "audit", "--diff", "."]
    diff = subprocess.run(command, cwd=tmp_path, capture_output=True, check=False).stdout
    assert b'""resolution"":""720""}"\r\n' in diff  # (the file's CRLF kept)
    assert b'\\\\"scale\\\\": \\\\"1:1\\\\"' in diff
    assert b"chrome_copy.cmd" not in diff
    applied = subprocess.run(["git", "apply", "-"], cwd=tmp_path, input=diff, check=False)
    assert applied.returncode == 0
    after = _akool("audit", ".", cwd=tmp_path).stdout
    assert "doubled.bat" not in after and "curl_in_fstring.py" not in after, after


CONTROLS = {
    # a double-quoted string ending in an escaped backslash: `\\"` ends it (nothing recoded)
    "ends.py": 'import requests\nROOT = "C:\\\\"\n'
    f'requests.post("{IMAGE}", json={{"prompt": "p", "size": "1:1"}})\n',
    # a raw string keeps both backslashes: not the shell's escaped JSON
    "raw.py": "import requests\nNOTE = r'{\\\\\"size\\\\\": 1}'\n"
    f'requests.post("{IMAGE}", json={{"prompt": "p", "scale": "1:1"}})\n',
}


@pytest.mark.parametrize("name", sorted(CONTROLS))
def test_strings_that_escape_otherwise_read_as_before(name: str) -> None:
    found = [(f.line, f.rule) for f in scan.audit_text(CONTROLS[name], name)]
    assert found == ([(3, "misnamed-field")] if name == "ends.py" else []), found


# -- typed-param-default across files: the literals another file's calls give a parameter ------

SPEAKER_PY = (
    "import requests\n\n"
    f'URL = "{TALK}"\n\n\n'
    'def talk(image: str, audio: str, resolution: str = "{default}"):\n'
    '    body = {{"talking_photo_url": image, "audio_url": audio, "resolution": resolution}}\n'
    "    return requests.post(URL, json=body)\n"
)
SPEAKER_TS = (
    'export async function talk(image: string, audio: string, resolution: string = "{default}") {{\n'
    f'  return fetch("{TALK}", {{{{\n'
    '    method: "POST",\n'
    "    body: JSON.stringify({{ talking_photo_url: image, audio_url: audio, resolution }}),\n"
    "  }});\n}}\n"
)
CALLERS = {
    "py": ("speaker.py", SPEAKER_PY, "main.py", "from speaker import talk\n\n"),
    "py-relative": ("speaker.py", SPEAKER_PY, "main.py", "from .speaker import talk\n\n"),
    "ts": ("speaker.ts", SPEAKER_TS, "main.ts", 'import { talk } from "./speaker";\n\n'),
}


def _folder(tmp_path: Path, kind: str, default: str, calls: str) -> list[tuple[str, int, str]]:
    owner, text, caller, imports = CALLERS[kind]
    (tmp_path / owner).write_text(text.format(default=default), encoding="utf-8")
    (tmp_path / caller).write_text(imports + calls, encoding="utf-8")
    return [(Path(f.file).name, f.line, f.rule) for f in scan.audit([tmp_path]).findings]


@pytest.mark.parametrize("kind", sorted(CALLERS))
def test_a_literal_another_file_gives_a_defaulted_parameter_is_judged_there(
    tmp_path: Path, kind: str
) -> None:
    """main: only the defining file's own calls were followed (callers.py), so `talk(p, a,
    "1080p")` in another file, which sends "1080p", went unseen. Reported at the caller's line,
    without a patch (the default and the type may name the same values)."""
    calls = 'talk("https://x/a.png", "https://x/a.mp3", "1080p")\ntalk("p", "a")\n'
    calls += 'talk("p", "a", "1080")\n'
    main = "main.ts" if kind == "ts" else "main.py"
    assert _folder(tmp_path, kind, "720", calls) == [(main, 3, "bad-value")]
    patch = fixes.patch(scan.audit([tmp_path]).findings)
    assert patch.fixed == 0


@pytest.mark.parametrize("kind", sorted(CALLERS))
def test_a_bad_default_whose_callers_elsewhere_pass_nothing_is_found_and_patched_once(
    tmp_path: Path, kind: str
) -> None:
    found = _folder(tmp_path, kind, "720p", 'talk("p", "a")\n')
    owner = CALLERS[kind][0]
    assert found == [(owner, 6 if kind != "ts" else 1, "bad-value")], found
    assert fixes.patch(scan.audit([tmp_path]).findings).fixed == 1


def test_a_call_naming_an_akool_path_is_not_taken_to_the_defining_file(tmp_path: Path) -> None:
    """A caller's line that names AKOOL or an API path would be judged again in the defining
    file: such calls are left to the caller's own audit."""
    calls = 'talk("https://openapi.akool.com/api/open/v3/x.png", "a", "1080p")\n'
    assert "bad-value" not in {rule for _, _, rule in _folder(tmp_path, "py", "720", calls)}


# -- diff-breaks-ts-typed-body: a value's kind kept where the code's own type says it ----------

TALK_TS = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
TYPED_BODIES = {
    "annotated.ts": "type TalkBody = { talking_photo_url: string; audio_url: string; "
    "resolution: number };\n"
    "export async function talk(p: string, a: string) {\n"
    "  const body: TalkBody = { talking_photo_url: p, audio_url: a, resolution: 1080 };\n"
    f'  return fetch("{TALK_TS}", {{ method: "POST", body: JSON.stringify(body) }});\n}}\n',
    "inline.ts": "export async function talk(p: string, a: string) {\n"
    "  const body: { talking_photo_url: string; audio_url: string; resolution: number } = "
    "{ talking_photo_url: p, audio_url: a, resolution: 1080 };\n"
    f'  return fetch("{TALK_TS}", {{ method: "POST", body: JSON.stringify(body) }});\n}}\n',
    "satisfies.ts": "interface TalkBody { talking_photo_url: string; audio_url: string; "
    "resolution: number }\n"
    "export async function talk(p: string, a: string) {\n"
    f'  return fetch("{TALK_TS}", {{ method: "POST", body: JSON.stringify('
    "{ talking_photo_url: p, audio_url: a, resolution: 1080 } satisfies TalkBody) });\n}\n",
}


@pytest.mark.parametrize("name", sorted(TYPED_BODIES))
def test_a_value_whose_kind_the_codes_own_type_fixes_is_left_to_a_person(
    tmp_path: Path, name: str
) -> None:
    """main patched `resolution: 1080` to `"1080"` in a literal typed `resolution: number`:
    tsc refused the patched file (TS2322). The finding stays, without a patch."""
    diff, after = _diff_and_apply(tmp_path, name, TYPED_BODIES[name])
    assert "resolution: 1080" in after and '"1080"' not in diff
    found = _akool("audit", name, cwd=tmp_path).stdout
    assert "resolution 1080" in found or "resolution" in found, found


def test_an_untyped_body_keeps_its_patch(tmp_path: Path) -> None:
    text = TYPED_BODIES["annotated.ts"].replace("const body: TalkBody =", "const body =")
    _, after = _diff_and_apply(tmp_path, "untyped.ts", text)
    assert 'resolution: "1080"' in after


def test_the_typed_literals_are_found_once_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of many kind-changing fixes (`resolution: 1080` in 2,000 bodies) looks for the
    literals its code types once, not once per fix (each look scans outward over the file)."""
    from akool_cli.audit import brackets, tstypes

    calls: list[int] = []
    real = brackets.matching

    def counted(text: str, at: int, step: int, limit: int) -> int:
        calls.append(1)
        return real(text, at, step, limit)

    monkeypatch.setattr(brackets, "matching", counted)
    body = "{ resolution: 1080 }, "
    for annotation, left in (("", 2000), (": TalkBody[]", 0)):  # (typed: each item is a TalkBody)
        text = f"const BODIES{annotation} = [" + body * 2000 + "];\n"
        line = text.index("1080")
        fixes_ = [
            Fix(0, line + k * len(body), line + k * len(body) + 4, "1080", '"1080"')
            for k in range(2000)
        ]
        calls.clear()
        assert len(tstypes.typed_values_kept(text, [0], fixes_)) == left
        assert len(calls) <= 4, len(calls)


# -- known-naming-policy (pydantic's alias generators), recall28c's request for dtos.py ---------

NAMING = Path(__file__).parent / "audit_corpus" / "fixD28" / "naming"


def test_a_pydantic_alias_generator_names_what_is_sent() -> None:
    """`ConfigDict(alias_generator=to_camel)` dumped by alias sends videoUrl/audioUrl (main: a
    file with any alias generator had its plain members left unread, so nothing was judged);
    webhookUrl is lipsync's documented name; an explicit alias still wins."""
    camel = (NAMING / "d28_lipsync_camel.py").read_text(encoding="utf-8")
    found = [(f.line, f.rule, f.found) for f in scan.audit_text(camel, "lipsync.py")]
    assert found == [(10, "misnamed-field", "videoUrl"), (11, "misnamed-field", "audioUrl")]
    aliased = (NAMING / "d28_lipsync_aliased.py").read_text(encoding="utf-8")
    assert scan.audit_text(aliased, "lipsync.py") == []
    pascal = camel.replace("to_camel", "to_pascal")
    assert {f.found for f in scan.audit_text(pascal, "lipsync.py")} == {
        "VideoUrl",
        "AudioUrl",
        "WebhookUrl",
    }
    unknown = camel.replace("alias_generator=to_camel", "alias_generator=my_names")
    assert scan.audit_text(unknown, "lipsync.py") == []  # (a generator of its own: not certain)
