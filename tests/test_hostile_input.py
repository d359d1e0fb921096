"""Hostile files and servers: batch files that would lose data, text that would forge output,
a permissive umask, and failures under --json. docs/troubleshooting.md lists each case by id.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.core import contract
from akool_cli.jobs.views import TABLE_COLUMNS
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import ROOT, Isolation
from tests.support.runner import invoke
from tests.support.servers import Answer, ScriptedServer, scripted_server

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
JOB = "0123456789abcdef01234567"
HEADER = "id,image_url,audio_url,prompt,resolution"
GOOD = f"ok,{IMAGE},{AUDIO},calm,720"
LIMIT = csv.field_size_limit()

# Batch files: (case id, file name, content, the problem reported, with its row number).
BATCH_FILES = [
    (
        "batch-extra-field",
        "b.csv",
        f"{HEADER}\n{GOOD}\nx,{IMAGE},{AUDIO},calm, waving,720\n",
        "row 3: 6 values but the header names 5 columns",
    ),
    (
        "batch-unnamed-column",
        "b.csv",
        f"image_url,audio_url,\n{IMAGE},{AUDIO},lost\n",
        "row 2: the value 'lost' is in a column the header does not name",
    ),
    (
        "batch-short-row-required",
        "b.csv",
        f"id,image_url,audio_url,prompt\n{GOOD[:-4]}\nx,{IMAGE}\n",
        "row 3: audio_url (or text + voice) is missing",
    ),
    (
        "batch-field-too-long",
        "b.csv",
        f"{HEADER}\n{GOOD}\nx,{IMAGE},{AUDIO},{'w' * (LIMIT + 1)},720\n",
        f"row 3: a value is longer than {LIMIT} characters",
    ),
    (
        "batch-unterminated-quote",
        "b.csv",
        f'{HEADER}\n{GOOD}\nx,{IMAGE},{AUDIO},"calm,720\ny,{IMAGE},{AUDIO},,\n',
        "row 3: a quoted value is never closed",
    ),
    (
        "batch-stray-quote",
        "b.csv",
        f'{HEADER}\nx,{IMAGE},{AUDIO},"calm"ly,720\n',
        "row 2: a quote ends a value too early",
    ),
    (
        "batch-nul",
        "b.csv",
        f"{HEADER}\n{GOOD}\nx,{IMAGE},https://example.com/a\0.mp3,,\n",
        "row 3: audio_url contains a NUL character",
    ),
    (
        "batch-control-character",
        "b.csv",
        f"{HEADER}\nx\x1b[2J,{IMAGE},{AUDIO},,\n",
        "row 2: id contains a control character (U+001B)",
    ),
    (
        "batch-repeated-column",
        "b.csv",
        f"image_url,audio_url,prompt,prompt\n{IMAGE},{AUDIO},a,b\n",
        "column(s) prompt more than once",
    ),
    (
        "batch-column-typo",
        "b.csv",
        f"image_url,audio_url,resolutoin\n{IMAGE},{AUDIO},1080\n",
        "unknown column 'resolutoin' (did you mean 'resolution'?)",
    ),
    (
        "batch-semicolons",
        "b.csv",
        f"image_url;audio_url\n{IMAGE};{AUDIO}\n",
        "the header 'image_url;audio_url' is not separated by commas",
    ),
    (
        "batch-json-key-typo",
        "b.jsonl",
        json.dumps({"image_url": IMAGE, "audio_url": AUDIO, "resolutoin": "1080"}) + "\n",
        "row 1: unknown key 'resolutoin' (did you mean 'resolution'?); known keys: image_url",
    ),
    (
        "batch-json-list",
        "b.jsonl",
        "\n" + json.dumps({"image_url": IMAGE, "audio_url": AUDIO, "prompt": ["calm"]}) + "\n",
        "row 2: prompt is a list; give a string or a number",
    ),
    (
        "batch-json-object",
        "b.jsonl",
        json.dumps({"image_url": IMAGE, "audio_url": {"url": AUDIO}}) + "\n",
        "row 1: audio_url is an object",
    ),
    (
        "batch-json-true",
        "b.jsonl",
        json.dumps({"image_url": IMAGE, "audio_url": AUDIO, "speed": True}) + "\n",
        "row 1: speed is true/false",
    ),
    (
        "batch-json-repeated-key",
        "b.jsonl",
        f'{{"image_url": "{IMAGE}", "audio_url": "{AUDIO}", "prompt": "a", "prompt": "b"}}\n',
        "row 1: the key 'prompt' appears twice",
    ),
    (
        "batch-json-nul",
        "b.jsonl",
        json.dumps({"image_url": IMAGE + "\0", "audio_url": AUDIO}) + "\n",
        "row 1: image_url contains a NUL character",
    ),
    (
        "batch-json-nested-deep",
        "b.jsonl",
        '{"prompt": ' + "[" * 100_000 + "\n",
        "row 1: not JSON that akool reads (nested too deeply)",
    ),
    (
        "batch-line-too-long",
        "b.jsonl",
        '{"prompt": "' + "w" * (1 << 20) + '"}\n',
        "row 1: the line is longer than 1048576 characters",
    ),
    (
        "batch-output-rtl",
        "b.csv",
        f"image_url,audio_url,output\n{IMAGE},{AUDIO},evil\u202egpj.mp4\n",
        "row 2: output 'evil\\u202egpj.mp4' must be a plain file name",
    ),
    (
        "batch-not-utf8",
        "b.csv",
        f"{HEADER}\n{GOOD}\n{GOOD[:-3]}\xff\n",
        "is not UTF-8 text (line 3)",
    ),
]

# Cases tested below, outside the catalogue's one-error-line pattern; documented by id.
OTHER_CASES = [
    "batch-short-row-optional",
    "batch-plan-shows-everything",
    "batch-rows-are-integers",
    "batch-memory",
    "server-text-escaped",
    "server-text-in-a-table",
    "base-url-password-hidden",
    "umask-private-state",
    "settings-unwritable",
    "json-error-document",
    "json-error-job-id",
    "json-error-once",
]


@pytest.fixture
def scripted(api_env: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    with scripted_server() as server:
        monkeypatch.setenv("AKOOL_BASE_URL", server.url)
        yield server


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [case[1:] for case in BATCH_FILES],
    ids=[case[0] for case in BATCH_FILES],
)
def test_a_batch_file_that_would_lose_data_is_refused_with_row_numbers(
    api_env: Sandbox, isolated: Isolation, name: str, content: str, problem: str
) -> None:
    path = isolated.tmp / name
    path.write_bytes(content.encode("utf-8").replace("\xff".encode(), b"\xff"))
    whole_file = not problem.startswith("row ")  # the file cannot be read as rows at all
    for extra in ([], ["--dry-run"], ["--skip-invalid", "--dry-run"]):
        skip = "--skip-invalid" in extra and not whole_file
        result = invoke(["batch", str(path), *extra], expect=0 if skip else 2)
        assert problem in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    if not whole_file:  # a dry run's JSON lists the problems with their (integer) rows
        plan = json.loads(invoke(["batch", str(path), "--dry-run", "--json"], expect=2).stdout)
        assert plan["rows"] == [] and problem.startswith(f"row {plan['invalid'][0]['row']}: ")
    assert api_env.state.received == []  # nothing was sent, let alone billed


def test_a_short_row_leaves_only_optional_columns_empty(
    api_env: Sandbox, isolated: Isolation
) -> None:
    path = isolated.tmp / "b.csv"
    path.write_text(f"{HEADER}\nshort,{IMAGE},{AUDIO}\n")
    plan = json.loads(invoke(["batch", str(path), "--dry-run", "--json"]).stdout)
    assert plan["invalid"] == []
    row = plan["rows"][0]
    assert (row["id"], row["prompt"], row["resolution"]) == ("short", None, None)


def test_the_plan_shows_every_field_that_will_be_sent_and_rows_are_integers(
    api_env: Sandbox, isolated: Isolation
) -> None:
    path = isolated.tmp / "b.jsonl"
    rows = [
        {"id": "a", "image_url": IMAGE, "audio_url": AUDIO, "prompt": "calm", "resolution": 1080},
        {"image_url": IMAGE, "text": "Hello", "voice": "sbx-en-m-noah", "speed": 1.1},
        {"image_url": "./me.jpg", "audio_url": AUDIO},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    plan = json.loads(invoke(["batch", str(path), "--dry-run", "--json", "--skip-invalid"]).stdout)
    first, second = plan["rows"]
    assert (first["row"], first["prompt"], first["resolution"]) == (1, "calm", "1080")
    assert (second["row"], second["text"], second["voice"], second["speed"]) == (
        2,
        "Hello",
        "sbx-en-m-noah",
        1.1,
    )
    assert [problem["row"] for problem in plan["invalid"]] == [3]
    table = invoke(["batch", str(path), "--dry-run", "--skip-invalid"]).stdout
    assert "calm" in table and "1080" in table and "Hello" in table
    run = json.loads(invoke(["batch", str(path), "--json", "--skip-invalid"], expect=9).stdout)
    assert [r["row"] for r in run["results"]] == [1, 2]
    sent = [job.request for job in api_env.state.jobs.values()]
    assert {"prompt": "calm", "resolution": "1080"}.items() <= sent[0].items()


def test_reading_a_huge_line_holds_only_a_bounded_piece_of_it(isolated: Isolation) -> None:
    from akool_cli.jobs.batch import load_rows, validate

    path = isolated.tmp / "huge.csv"
    with path.open("w") as handle:
        handle.write(f"{HEADER}\n{GOOD}\nx,{IMAGE},{AUDIO},")
        for _ in range(32):
            handle.write("w" * (1 << 20))  # 32 MiB on one line
        handle.write(",720\n")
    tracemalloc.start()
    try:
        rows = load_rows(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * (1 << 20)
    items, problems = validate(rows)
    assert [i.id for i in items] == ["ok"] and [p.row for p in problems] == [3]


def test_server_text_cannot_forge_rows_or_send_terminal_codes(
    scripted: ScriptedServer,
) -> None:
    reason = "bad input\tdone\n" + JOB + "\tdone\x1b[2J\x1b]8;;https://evil/\x07\u202e\x9b"
    info = {"_id": JOB, "video_status": 4, "video": "", "error_reason": reason}
    scripted.route(contract.VIDEO_INFO.path, Answer.envelope(info))
    tsv = invoke(["status", JOB]).stdout
    assert tsv.count("\n") == 1 and tsv.count("\t") == len(TABLE_COLUMNS) - 1  # one row
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", tsv)
    assert "bad input\\tdone\\n" in tsv and "\\u001b[2J" in tsv
    document = invoke(["status", JOB, "--json"]).stdout
    assert json.loads(document)[0]["error"] == reason  # JSON keeps the exact text
    assert not re.search("[\x7f-\x9f\u202e]", document)  # escaped as \\uXXXX, still valid


def test_server_text_in_a_terminal_table_is_plain_text(isolated: Isolation) -> None:
    import io

    from akool_cli.cli.output import Output

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    out = Output(stdout=screen, env={"NO_COLOR": "1"})
    out.table(("ID", "REASON"), [(JOB, "[bold red]x[/bold red]\x1b[31m\tforged")])
    shown = screen.getvalue()
    assert "[bold red]x[/bold red]" in shown and "\\u001b[31m\\tforged" in shown
    assert "\x1b" not in shown


def test_a_password_in_a_base_url_is_never_echoed(
    api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    for url in (
        "https://me:hunter22@openapi.akool.com",
        "ftp://me:hunter22@x",
        "https://me:hunter22@[x",
    ):
        monkeypatch.setenv("AKOOL_BASE_URL", url)
        for argv in (["credit"], ["credit", "--json"]):
            result = invoke(argv, expect=2)
            assert "hunter22" not in result.stdout + result.stderr
            assert "***@" in result.stderr


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_state_is_private_even_under_umask_000(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from akool_cli.store.journal import Journal

    home = isolated.tmp / "new" / "akool-home"
    monkeypatch.setenv("AKOOL_HOME", str(home))
    previous = os.umask(0)
    try:
        # The first open creates the history; its -wal and -shm exist while it is open.
        with Journal(home / "jobs.sqlite3"):
            modes = {p.relative_to(home): _mode(p) for p in home.rglob("*")}
        invoke(["--profile", "work", "login"], input=SANDBOX_API_KEY)
        invoke(["talk", IMAGE, AUDIO])
        modes.update({p.relative_to(home): _mode(p) for p in home.rglob("*")})
    finally:
        os.umask(previous)
    named = {str(path): mode for path, mode in modes.items()}
    expected = {"config.json", "jobs.sqlite3", "jobs.sqlite3-wal", "jobs.sqlite3-shm"}
    assert expected <= set(named)
    for path, mode in modes.items():
        assert mode == (0o700 if (home / path).is_dir() else 0o600), path
    assert _mode(home) == _mode(home.parent) == 0o700


def test_a_settings_file_that_cannot_be_written_is_named(
    api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from akool_cli.core.errors import ExitCode

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    result = invoke(["login"], input=SANDBOX_API_KEY, expect=ExitCode.LOCAL_STATE)
    assert "cannot write the settings file" in result.stderr and "config.json" in result.stderr


def test_json_failures_print_one_error_document(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def error_of(argv: list[str], code: int) -> dict[str, object]:
        result = invoke(argv, expect=code)
        assert result.stderr.startswith("Error:")
        document = json.loads(result.stdout)  # exactly one document: extra data would fail
        assert list(document) == ["error"]
        error: dict[str, object] = document["error"]
        assert list(error) == ["message", "hint", "exit_code", "type"]
        assert error["exit_code"] == code and str(error["message"]) in result.stderr
        return error

    assert error_of(["talk", "./me.jpg", AUDIO, "--json"], 2)["type"] == "UsageError"
    assert error_of(["status", "--json", "--colour"], 2)["type"] == "UsageError"
    monkeypatch.setenv("AKOOL_API_KEY", "wrong-key-000000000")
    assert error_of(["credit", "--json"], 3)["type"] == "AuthRejectedError"
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("akool_cli.core.validate.check_resolution", broken)
    error = error_of(["talk", IMAGE, AUDIO, "--json"], 1)
    assert error["type"] == "InternalError" and "a bug" in str(error["message"])


def test_a_billed_id_the_history_could_not_record_is_in_the_json_error(
    api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    from akool_cli.core.errors import ExitCode, LocalStateError
    from akool_cli.store.journal import Journal

    def full(self: Journal, *args: object) -> None:
        raise LocalStateError("database or disk is full", path=str(self.path))

    monkeypatch.setattr(Journal, "record_created", full)
    result = invoke(["talk", IMAGE, AUDIO, "--json"], expect=ExitCode.LOCAL_STATE)
    error = json.loads(result.stdout)["error"]  # the only thing on stdout: no bare id line
    assert error["job_id"] in api_env.state.jobs and error["type"] == "LocalStateError"


def test_a_command_that_printed_its_json_prints_no_second_document(
    scripted: ScriptedServer,
) -> None:
    info = {"_id": JOB, "video_status": 4, "video": "", "error_reason": "no face found"}
    scripted.route(contract.VIDEO_INFO.path, Answer.envelope(info))
    result = invoke(["watch", JOB, "--json"], expect=6)
    assert json.loads(result.stdout)[0]["state"] == "failed"  # one document, the job's


def test_every_case_is_documented() -> None:
    doc = (ROOT / "docs" / "troubleshooting.md").read_text(encoding="utf-8")
    section = doc.split("\n## Batch files and hostile text\n", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z0-9-]+)` \|", section, flags=re.MULTILINE)
    assert documented == [case[0] for case in BATCH_FILES] + OTHER_CASES


@pytest.mark.parametrize("value", ["0", "65", "1000"])
def test_concurrency_outside_its_range_is_refused(isolated: Isolation, value: str) -> None:
    rows = isolated.tmp / "rows.csv"
    rows.write_text("image_url,audio_url\nhttps://e.com/a.jpg,https://e.com/a.mp3\n")
    result = invoke(["batch", str(rows), "-c", value], expect=2)
    assert "--concurrency" in result.stderr and "1–64" in result.stderr
