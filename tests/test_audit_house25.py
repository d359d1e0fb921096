"""`akool audit`'s house (house25): a report appended to a file (`>> log`) on a full disk leaves
what the file held, long strings cost memory in proportion, and the command imports only what it
uses."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.runner import ROOT

BAD = 'import requests\nrequests.get("https://api.akool.com/api/open/v3/faceswap/quota/info")\n'


def _limited(room: int) -> None:
    """In the child: a file may grow to `room` bytes (beyond it a write fails with EFBIG, as a
    full disk fails with ENOSPC; Python ignores SIGXFSZ)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))


@pytest.mark.parametrize("args", [["--json"], ["--diff"], ["--format", "sarif"], []])
@pytest.mark.parametrize("mode", [os.O_APPEND, 0])
def test_a_full_disk_keeps_what_stdouts_file_held(
    tmp_path: Path, args: list[str], mode: int
) -> None:
    """break21g #28: `akool audit --json s >> log` on a full disk cut log to 0 bytes (the offset
    of an O_APPEND descriptor is 0 until its first write) while saying it was as it was; `1<>
    log` (mode 0: written from its start) keeps its length too."""
    src = tmp_path / "s"
    src.mkdir()
    for n in range(40):
        (src / f"t{n}.py").write_text(BAD)
    log = tmp_path / "log.txt"
    log.write_text("".join(f"{n}\n" for n in range(1, 501)))
    before = log.read_bytes()
    fd = os.open(log, os.O_WRONLY | mode)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "akool_cli", "audit", *args, "s"],
            cwd=tmp_path,
            stdout=fd,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            preexec_fn=lambda: _limited(len(before) + 2000),
            timeout=120,
            check=False,
        )
    finally:
        os.close(fd)
    errors = [x for x in run.stderr.splitlines() if x.startswith("Error: ")]
    assert run.returncode == 1 and len(errors) == 1, run.stderr
    assert "the part written is taken back" in errors[0]
    assert "Traceback" not in run.stderr
    after = log.read_bytes()
    assert len(after) == len(before)
    if mode == os.O_APPEND:
        assert after == before


@pytest.mark.parametrize("args", [["--json"], ["--diff"], ["--format", "sarif"], []])
def test_output_at_a_size_limit_is_left_as_it_was(tmp_path: Path, args: list[str]) -> None:
    """--output FILE where a file may not grow past a limit (EFBIG, as ENOSPC): FILE as it was,
    no part file; --diff wrote half a patch into FILE and passed (BufferedWriter.write took the
    part the file had room for and returned without an error)."""
    src = tmp_path / "s"
    src.mkdir()
    for n in range(40):
        (src / f"t{n}.py").write_text(BAD)
    (tmp_path / "fixes.patch").write_text("an earlier run's report\n")
    run = subprocess.run(
        [sys.executable, "-m", "akool_cli", "audit", *args, "--output", "fixes.patch", "s"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: _limited(2000),
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert (tmp_path / "fixes.patch").read_text() == "an earlier run's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fixes.patch", "s"]
    assert len([x for x in run.stderr.splitlines() if x.startswith("Error: ")]) == 1


# -- long string literals cost memory in proportion ------------------------------------------------

URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
# One long literal in each language's shapes (a base64 image, a data: URL, a raw or verbatim
# string), then a call: {blob} is the literal's text, n characters of base64.
BLOB_SHAPES = {
    "a.py": 'import requests\nIMG = "data:image/png;base64,{blob}"\nrequests.post("{url}")\n',
    "b.py": 'X = \'{blob}\'\nDOC = """{blob}"""\nrequests.post(\'{url}\', json={{}})\n',
    "c.js": 'const IMG = "{blob}";\nfetch("{url}", {{ method: "POST", body: IMG }});\n',
    "d.ts": "const IMG = `{blob}`;\nconst S = '{blob}';\nawait fetch(`{url}`);\n",
    "e.go": 'package main\nconst IMG = "{blob}"\nconst RAW = `{blob}`\nfunc f() {{ http.Get("{url}") }}\n',
    "f.java": 'class A {{ String IMG = "{blob}"; URI u = URI.create("{url}"); }}\n',
    "g.php": "<?php\n$img = '{blob}';\n$x = \"{blob}\";\n$ch = curl_init('{url}');\n",
    "h.rb": "IMG = '{blob}'\nNet::HTTP.post(URI('{url}'), IMG)\n",
    "i.sh": "IMG='{blob}'\ncurl -X POST '{url}' -d \"$IMG\"\n",
    "j.json": '{{"img": "{blob}", "url": "{url}"}}\n',
    "k.md": '```python\nIMG = "{blob}"\nrequests.post("{url}")\n```\n',
    "l.cs": 'var img = "{blob}"; var s = @"{blob}"; await client.PostAsync("{url}", null);\n',
    "m.kt": 'val img = "{blob}"\nval raw = """{blob}"""\nclient.post("{url}")\n',
    "n.yaml": "img: '{blob}'\nurl: {url}\n",
    "o.http": 'POST {url}\nContent-Type: application/json\n\n{{"talking_photo_url": "{blob}"}}\n',
    "p.ipynb": '{{"cells": [{{"cell_type": "code", "metadata": {{}}, "outputs": [{{"output_type": '
    '"display_data", "data": {{"image/png": "{blob}"}}}}], "source": ["requests.get(\\"{url}\\")"]}}],'
    ' "metadata": {{}}, "nbformat": 4, "nbformat_minor": 5}}\n',
}


def _blob(n: int) -> str:
    """n characters of base64 text (no quote, no backslash, no line break)."""
    import base64

    return base64.b64encode(bytes(range(256)) * (n // 256 + 1)).decode()[:n]


@pytest.mark.parametrize("name", sorted(BLOB_SHAPES))
def test_a_long_string_literal_costs_memory_in_proportion(name: str) -> None:
    """break21g #27: one 4.4 MB literal (a notebook's plot, a data: URL) peaked at ~140 bytes a
    byte (630 MB): each string pattern `"(?:[^"\\\\]|\\\\.)*"` kept the regex engine's state for every
    character it passed; written unrolled (`"[^"\\\\]*(?:\\\\.[^"\\\\]*)*"`) it keeps none. Ten times
    the literal costs about ten times the memory, a few bytes a byte."""
    from akool_cli.audit.scan import audit_text
    from tests.support.growth import peak_bytes

    def peak(n: int) -> tuple[int, int]:
        text = BLOB_SHAPES[name].format(blob=_blob(n), url=URL)
        return peak_bytes(lambda: audit_text(text, name)), len(text)

    audit_text(BLOB_SHAPES[name].format(blob="x", url=URL), name)  # (modules, patterns: warm)
    small, _ = peak(20_000)
    large, size = peak(200_000)
    assert large < 16 * size, f"{large / size:.0f} bytes a byte"
    assert large < 14 * small


def test_an_escaped_literal_costs_memory_in_proportion() -> None:
    """A literal dense with escapes (Windows paths: an escape every 5 characters) cost ~120
    bytes a byte; unrolled, the regex engine keeps state for each escape only (~34; a
    possessive `*+` would keep none, but needs Python 3.11)."""
    from akool_cli.audit.scan import audit_text
    from tests.support.growth import peak_bytes

    body = "C:\\\\Users\\\\me\\\\" * 12_000
    text = f'import requests\nP = "{body}"\nrequests.post("{URL}", data=P)\n'
    audit_text("x = 1\n", "a.py")
    assert peak_bytes(lambda: audit_text(text, "a.py")) < 48 * len(text)


# A quoted literal's body as an alternation repeated once a character (`(?:[^"\\]|\\.)*`,
# `(?:[^']|'')*`, `(?:(?!(?P=q))[^\\]|\\.)*`): sre keeps ~150 bytes of state for each character
# it passes. Write it unrolled instead: `[^"\\]*(?:\\.[^"\\]*)*`, `[^']*(?:''[^']*)*`.
COSTLY_BODY = re.compile(r"\(\?:(?:\(\?!\(\?P=\w+\)\))?\[\^[^\]]*\]\|(?:\\\\\.|''|\"\")\)\*")


def test_no_audit_pattern_keeps_state_for_each_character_of_a_literal() -> None:
    """Every module of the audit writes its string-literal patterns unrolled (break21g #27)."""
    costly = [
        f"{path.name}:{n}"
        for path in sorted((ROOT / "akool_cli" / "audit").glob("*.py"))
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if COSTLY_BODY.search(line)
    ]
    assert not costly, f"unroll these literal patterns (see COSTLY_BODY): {costly}"


def test_the_costly_body_check_sees_each_form() -> None:
    for costly in (
        r'"(?:[^"\\]|\\.)*"',
        r"'(?P<s>(?:[^']|'')*)'",
        r'(?:[^"]|"")*"(?!")',
        r"(?P<q>[\"'`])(?:(?!(?P=q))[^\\]|\\.)*(?P=q)",
    ):
        assert COSTLY_BODY.search(costly), costly
    assert not COSTLY_BODY.search(r'"[^"\\]*(?:\\.[^"\\]*)*"')


# -- start-up: `akool audit` imports only what it uses --------------------------------------------

# Modules `akool audit` has no use for: other commands' and akool's job tables (house25: `akool
# audit` on a one-line file cost 0.38 s CPU, 0.07-0.1 s of it importing these).
NOT_FOR_AUDIT = (
    "akool_cli.cli.api_cmd",
    "akool_cli.cli.talk_cmd",
    "akool_cli.cli.mcp_cmd",
    "akool_cli.cli.faces_cmd",
    "akool_cli.core.kinds",
    "akool_cli.core.products",
    "akool_cli.core.speech",
    "akool_cli.core.validate",
)


@pytest.mark.parametrize("lead", [[], ["--profile", "p", "--debug"], ["-q"]])
def test_audit_imports_only_what_it_uses(tmp_path: Path, lead: list[str]) -> None:
    (tmp_path / "a.py").write_text(BAD + "x = 1\n")
    code = (
        "import sys; from akool_cli.cli import main; code = main(sys.argv[1:]); "
        f"print(sorted(m for m in {NOT_FOR_AUDIT!r} if m in sys.modules)); sys.exit(code)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, *lead, "audit", "a.py", str(tmp_path / "a.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert run.returncode == 8, run.stderr
    assert run.stdout.splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "--help"],
        ["audit"],
        ["audit", "--bogus", "a.py"],
        ["audit", "--json", "missing"],
        ["--profile", "p", "audit", "--format", "sarif", "--select", "zz", "a.py"],
        ["audit", "a.py", "--version"],
        ["audit", "a.py", "--json"],
        ["--json", "audit", "a.py"],
    ],
)
def test_audit_alone_says_what_every_command_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """The root group of `audit` alone answers as the one of every command (help, usage errors,
    global options after the command, --json's documents)."""
    import akool_cli.cli as cli
    from tests.support.runner import invoke

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(BAD)
    alone = invoke(args, expect=None)
    monkeypatch.setattr(cli, "ALONE", {})
    every = invoke(args, expect=None)
    assert (alone.exit_code, alone.stdout, alone.stderr) == (
        every.exit_code,
        every.stdout,
        every.stderr,
    )


@pytest.mark.parametrize("command", ["audit", "status"])
def test_a_stop_while_the_commands_module_is_imported_ends_quietly(
    tmp_path: Path, command: str
) -> None:
    """The command's module is imported when its run asks for it, still under the start-up's
    quiet stop handling (break17k K9): SIGTERM then ends the run with 143, no traceback."""
    from tests.test_fixe_startup_stop import EARLY

    module = "audit_cmd" if command == "audit" else "auth"
    program = (
        EARLY.format(sent=int(signal.SIGTERM))
        .replace("akool_cli.cli.auth", f"akool_cli.cli.{module}")
        .replace('main(["status"])', f'main(["{command}", "a.py"])')
    )
    (tmp_path / "a.py").write_text(BAD)
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "AKOOL_HOME": str(tmp_path / "home")},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 143, done.stderr
    assert b"Traceback" not in done.stderr and b"Error" not in done.stderr


# -- relay H1.1: a FIFO anywhere git opens in .git ----------------------------------------------


def _hostile_git(top: Path, where: str) -> None:
    """A work tree with a finding in a.py and the same in ignored dist/, and a FIFO in its .git."""
    run = {"cwd": top, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q"], **run)  # type: ignore[call-overload]
    (top / "a.py").write_text(BAD)
    (top / ".gitignore").write_text("dist/\n")
    (top / "dist").mkdir()
    (top / "dist" / "a.py").write_text(BAD)
    if where == "config.worktree":
        for key, value in (
            ("core.repositoryformatversion", "1"),
            ("extensions.worktreeConfig", "true"),
        ):
            subprocess.run(["git", "config", key, value], **run)  # type: ignore[call-overload]
    if where == "index":
        subprocess.run(["git", "add", "a.py"], **run)  # type: ignore[call-overload]
    fifo = top / ".git" / where
    fifo.parent.mkdir(parents=True, exist_ok=True)
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)


@pytest.mark.parametrize(
    "where", ["index", "HEAD", "commondir", "config.worktree", "refs/heads/main", "packed-refs"]
)
def test_a_fifo_in_git_is_never_handed_to_git(tmp_path: Path, where: str) -> None:
    """break21h #7: a FIFO at .git/index, HEAD, commondir or config.worktree blocked git's
    ls-files, and the audit with it, forever (a contributed folder with its .git). Now any entry
    of .git that is neither a file nor a folder makes the audit read the ignore files itself."""
    _hostile_git(tmp_path, where)
    run = subprocess.run(
        [sys.executable, "-m", "akool_cli", "audit", "--json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=90,
        check=False,
    )
    assert run.returncode == 8, run.stderr
    files = {f["file"] for f in json.loads(run.stdout) if f["rule"] != "audit-note"}
    assert files == {"a.py"}  # (dist/ left out as .gitignore says)
    assert f".git/{where} is not a regular file" in run.stderr


# -- relay H1.2: no printed line is a CI log command ---------------------------------------------

CI_LINE = re.compile(r"^::|^##\[|##vso\[", re.IGNORECASE | re.MULTILINE)
HOSTILE_NAMES = (
    "##vso[task.setvariable variable=AKOOL_BASE_URL]x.py",
    "##[error]y.py",
    "##VSO[task.prependpath]z.py",
)
SAVED_REPORT = (
    '[{"file": "a.py", "line": 1, "column": 1, "rule": "wrong-host", "severity": "error", '
    '"found": "x", "documented": "y", "message": "m"}]\n'
)


@pytest.mark.parametrize("args", [[], ["--json"], ["--format", "sarif"], ["--diff"]])
def test_no_line_the_audit_prints_is_a_ci_log_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """break21h #8: file names became CI log commands: on stderr (`::error file=app.py,line=1::
    report.json: not scanned ...`), Azure's `##vso[...]` anywhere in a line (a pipeline variable
    set for every later step), `##[error]` at a line's start. Their first character is now
    written as an escape on every line akool prints (JSON keeps the value: `\\u0023`), and a
    patch leaves such a file to a person."""
    from tests.support.runner import invoke

    monkeypatch.chdir(tmp_path)
    for name in HOSTILE_NAMES:
        (tmp_path / name).write_text(BAD)
    (tmp_path / "::error file=app.py,line=1::report.json").write_text(SAVED_REPORT)
    result = invoke(["audit", *args, "."], expect=8)
    assert not CI_LINE.search(result.stdout), result.stdout
    assert not CI_LINE.search(result.stderr), result.stderr
    if args == ["--json"]:
        files = {f["file"] for f in json.loads(result.stdout)}
        assert set(HOSTILE_NAMES) <= files  # (the names themselves, as JSON decodes them)


def test_ci_log_commands_are_defused_in_any_line() -> None:
    from akool_cli.cli.output import defuse_ci_commands

    assert defuse_ci_commands("::warning file=a.py::x") == "\\u003a:warning file=a.py::x"
    assert defuse_ci_commands("##[group]x") == "\\u0023#[group]x"
    assert defuse_ci_commands('  "f": "a ##vso[x] b"') == '  "f": "a \\u0023#vso[x] b"'
    # (GitHub's runner trims leading spaces before `::`, and reads `##[` anywhere: fix33)
    assert defuse_ci_commands("  ::error::x") == "  \\u003a:error::x"
    assert defuse_ci_commands("a ##[error]b") == "a \\u0023#[error]b"
    for plain in ("a.py:1:2: error", "x :: y", "# ## [x]", "#vso[", ":"):
        assert defuse_ci_commands(plain) == plain


# -- relay H2: a credential in a wrong field is not echoed ----------------------------------------

CREDENTIALS_PY = (
    "import requests\n"
    'V4 = "https://openapi.akool.com/api/open/v4"\n'
    "def start(avatar, token):\n"
    '    return requests.post(f"{V4}/liveAvatar/session/create", headers={"x-api-key": "k"}, '
    'json={"avatar_id": avatar, "stream_type": "agora", "credentials": {"agora_app_id": "a1", '
    '"agora_channel": "room", "agora_token": token, '
    '"agora_uid": "007eJxTYLhfSECRETAGORATOKENabcdef0123456789"}}).json()\n'
    "def k2():\n"
    '    return requests.post(f"{V4}/voice/tts", headers={"x-api-key": "k"}, json={"input_text": '
    '"hi", "voice_id": "v", "voice_options": {"speed": "sk-proj-SECRETOPENAIKEYabcdefghijklmnop"}})\n'
)


@pytest.mark.parametrize("args", [[], ["--json"], ["--format", "sarif"]])
def test_a_credential_in_a_wrong_field_is_not_echoed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """break21h #12: an Agora token in `agora_uid` (a number) and an OpenAI key in
    `voice_options.speed` were quoted whole in text, --json and SARIF; now by their first
    characters (`"007e…"`), the finding itself unchanged."""
    from tests.support.runner import invoke

    monkeypatch.chdir(tmp_path)
    (tmp_path / "la.py").write_text(CREDENTIALS_PY)
    result = invoke(["audit", *args, "la.py"], expect=8)
    assert "SECRET" not in result.stdout + result.stderr
    assert "007e…" in result.stdout and "sk-p…" in result.stdout


def test_credentials_are_abridged_and_other_values_kept() -> None:
    from akool_cli.audit.credentials import abridged

    for secret in (
        "sk-proj-SECRETOPENAIKEYabcdefghijklmnop",
        "sk_9f8e7d6c5bSECRETELEVEN",
        "007eJxTYLhfSECRETAGORATOKENabcdef0123456789",
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_abcdefghijklmnopqrstuvwxyz0123",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdEFGH1234",
        "Zx9Qm2Lk8Vb4Nc7Wd1Ef5Gh3Jt6Yr0Ua2Sp4",
    ):
        assert abridged(f'key "{secret}" is a string') == f'key "{secret[:4]}…" is a string'
    for kept in (
        'resolution "1080p" is not documented',
        "voice_id Xb7hH8MSUJpSbSDYk0k2",
        "POST /api/open/v3/content/video/createbytalkingphoto",
        "https://example.com/a/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789.png",
        "123e4567-e89b-12d3-a456-426614174000",
        "dvp_Tristan_cloth2_1080P",
        "createByTalkingPhotoWithWebhookCallbackUrl",
    ):
        assert abridged(kept) == kept


# -- structure: one forward bracket walk --------------------------------------------------------


def test_one_bracket_walk_stops_where_asked() -> None:
    from akool_cli.audit.brackets import walk

    text = 'f(a, "x,)", [b, c], {d: (e, f)}); g'
    assert walk(text, 2, len(text), ",") == 3  # (the first comma outside brackets)
    assert walk(text, 4, len(text), ",") == 10  # (the string's comma and `)` are skipped)
    assert walk(text, 11, len(text), ",") == 18
    assert walk(text, 19, len(text)) == 31  # (the `)` that closes f's `(`)
    assert walk(text, 19, len(text), quoted=False) == 31
    assert walk('"a)" b)', 0, 7, quoted=False) == 2  # (unquoted: a string's bracket counts)
    assert walk('"a)" b)', 0, 7) == 6
    assert walk("x = 1\ny", 0, 7, ",;", anywhere="\n") == 5
    assert walk("(1,\n2), 3", 0, 9, ",;") == 6  # (a comma inside brackets is not the value's end)
    assert walk("abc", 0, 3, ",") == 3  # (none: the limit)


def test_methods_and_fallbacks_walk_brackets_with_the_one_walk() -> None:
    """methods.py and fallbacks.py kept three variants of the bracket walk of their own
    (`depth += 1` loops): they use brackets.walk."""
    for module in ("methods", "fallbacks"):
        text = (ROOT / "akool_cli" / "audit" / f"{module}.py").read_text()
        assert not re.search(r"depth\s*[-+]=", text), module
        assert "brackets.walk(" in text, module


# -- item 5: what a CI system does to a run: kill it, run two at once ---------------------------


def test_a_killed_runs_part_file_is_removed_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run killed while it wrote --output FILE (SIGKILL, an OOM kill) left
    `.FILE.akool-audit-XXXX.part` behind for good. A part file's name now carries its writer's
    pid: the next run writing FILE removes those whose writer is gone and that nobody touched
    for two minutes; a live run's part (two audits at once) and other files' stay."""
    from tests.support.runner import invoke

    monkeypatch.chdir(tmp_path)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "a.py").write_text(BAD)
    gone = _gone_pid()
    parts = {
        "dead_old": f".r.json.akool-audit-{gone}-abc123.part",
        "dead_fresh": f".r.json.akool-audit-{gone}-def456.part",
        "alive_old": f".r.json.akool-audit-{os.getpid()}-ghi789.part",
        "unnamed_old": ".r.json.akool-audit-x1y2z3w4.part",  # (an older akool's name)
        "other_file": f".q.json.akool-audit-{gone}-abc123.part",
    }
    for key, name in parts.items():
        (tmp_path / name).write_text("half a report")
        if key != "dead_fresh":
            os.utime(tmp_path / name, (1_000_000_000, 1_000_000_000))
    invoke(["audit", "--json", "--output", "r.json", "s"], expect=8)
    left = {key for key, name in parts.items() if (tmp_path / name).exists()}
    assert left == {"dead_fresh", "alive_old", "other_file"}
    assert json.loads((tmp_path / "r.json").read_text())[0]["file"] == "s/a.py"


def _gone_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_two_runs_writing_one_output_at_once_leave_one_whole_report(tmp_path: Path) -> None:
    """Two CI jobs (or a matrix) auditing into one FILE at the same moment: each writes its own
    part file, FILE is one whole report (the last to finish), and no part file stays."""
    (tmp_path / "s").mkdir()
    for n in range(200):
        (tmp_path / "s" / f"a{n}.py").write_text(BAD)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "akool_cli", "audit", "--format", "sarif"]
    runs = [
        subprocess.Popen([*command, "--output", "r.sarif", "s"], cwd=tmp_path, env=env)
        for _ in range(3)
    ]
    assert [run.wait(timeout=300) for run in runs] == [8, 8, 8]
    assert len(json.loads((tmp_path / "r.sarif").read_text())["runs"][0]["results"]) == 200
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.sarif", "s"]


def test_every_command_module_is_in_the_command_table() -> None:
    """A new command's module is registered only through COMMAND_MODULES (akool_cli.cli imports
    the commands' modules from that list): one left out would vanish from akool."""
    import akool_cli.cli as cli

    registering = {
        path.stem
        for path in (ROOT / "akool_cli" / "cli").glob("*.py")
        if re.search(r"^def register\(", path.read_text(), re.MULTILINE)
    }
    assert registering == set(cli.COMMAND_MODULES)
    assert set(cli.ALONE.values()) <= registering


def test_a_git_that_does_not_answer_in_time_still_leaves_out_what_it_ignores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git past its time limit (a lock, a network file system): the audit read every file,
    build output included, and said nothing; it now reads the ignore files itself, said."""
    from akool_cli.audit.scan import audit

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / ".gitignore").write_text("dist/\n")
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "a.py").write_text(BAD)
    real = subprocess.run

    def slow(args: list[str], **kwargs: Any) -> Any:
        if args[:1] == ["git"] and "ls-files" in args:
            raise subprocess.TimeoutExpired(args, 120)
        return real(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", slow)
    result = audit([tmp_path])
    assert {Path(f.file).relative_to(tmp_path).as_posix() for f in result.findings} == {"a.py"}
    assert any("did not say what it ignores" in note for note in result.notes)
