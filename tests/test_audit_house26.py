"""house26's tests: the audit's fixed costs (start-up, output, --diff's patch), each counted
(calls, comparisons, compiles), never timed."""

from __future__ import annotations

import io
import json
import random
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest

from akool_cli.audit import credentials, fixes
from akool_cli.audit.rules import Fix
from akool_cli.audit.scan import AuditResult, Finding
from akool_cli.audit.source import line_starts
from akool_cli.cli import audit_cmd, output
from akool_cli.cli.output import Output


class Counted(int):
    """An int that counts the comparisons made with it (and keeps counting through sums)."""

    seen: ClassVar[list[int]] = [0]

    def __add__(self, other: Any) -> Counted:
        return Counted(int(self) + int(other))

    def __lt__(self, other: Any) -> bool:
        Counted.seen[0] += 1
        return int(self) < int(other)

    def __gt__(self, other: Any) -> bool:
        Counted.seen[0] += 1
        return int(self) > int(other)

    def __eq__(self, other: Any) -> bool:
        Counted.seen[0] += 1
        return int(self) == int(other)

    __hash__ = int.__hash__


def _comparisons(count: int) -> int:
    text = "".join(f'r{i} = get("https://api.akool.com/x")\n' for i in range(count))
    starts: list[int] = [Counted(s) for s in line_starts(text)]
    found = [
        Fix(
            i,
            len(f'r{i} = get("https://'),
            len(f'r{i} = get("https://api.akool.com'),
            "api.akool.com",
            "openapi.akool.com",
        )
        for i in range(count)
    ]
    Counted.seen[0] = 0
    new, made = fixes._apply(text, starts, found)
    assert len(made) == count and new.count("openapi.akool.com") == count
    return Counted.seen[0]


def test_a_patchs_fixes_are_checked_against_their_neighbours_not_all_taken() -> None:
    """break21h #20: each fix was checked against every span taken before it (and the text
    rebuilt once a fix): 40,000 fixes cost 144 s. Per fix, a few comparisons (a bisection)."""
    small, big = _comparisons(500), _comparisons(4000)
    assert big / 4000 < 100, (small, big)  # now ~41 a fix; main: ~2,000 at 4,000 fixes
    assert big / small < 12, (small, big)  # 8x the fixes


def _applied_as_before(text: str, starts: list[int], found: list[Fix]) -> tuple[str, set[Fix]]:
    """fixes._apply as it was (quadratic): the reference its order must keep."""
    spans: list[tuple[int, int, str]] = []
    made: set[Fix] = set()
    for fix in sorted(set(found), key=lambda f: (f.line, f.start)):
        if fix.line >= len(starts):
            continue
        start, end = starts[fix.line] + fix.start, starts[fix.line] + fix.end
        if text[start:end] != fix.old or any(start < e and s < end for s, e, _ in spans):
            continue
        spans.append((start, end, fix.new))
        made.add(fix)
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text, made


def test_a_patchs_text_is_what_fixing_right_to_left_made() -> None:
    """Guard (passes on main too): overlapping, touching, empty and repeated spans, fixes past
    the last line and stale ones give the text and the fixes taken that the old way gave."""
    chance = random.Random(26)
    for _ in range(3000):
        lines = [
            "".join(chance.choice("ab ") for _ in range(chance.randint(0, 6)))
            for _ in range(chance.randint(1, 4))
        ]
        text = "\n".join(lines) + chance.choice(["", "\n"])
        starts = line_starts(text)
        found = []
        for _ in range(chance.randint(0, 8)):
            line = chance.randint(0, len(lines))
            length = len(lines[line]) if line < len(lines) else 0
            start = chance.randint(0, length)
            end = chance.randint(start, length)
            old = lines[line][start:end] if line < len(lines) else ""
            if chance.random() < 0.1:
                old += "z"  # (the file changed since)
            found.append(Fix(line, start, end, old, chance.choice(["", "X", "YY", "Z"])))
        assert fixes._apply(text, starts, found) == _applied_as_before(text, starts, found)


# -- output: one write, documents cleaned where something may change --------------------------


def _findings(count: int) -> list[Finding]:
    return [
        Finding(
            "s.py",
            i,
            4,
            "wrong-host",
            "error",
            "api.akool.com",
            "openapi.akool.com",
            f"api.akool.com is not AKOOL's API host ({i}: docs.akool.com/authentication/usage)",
        )
        for i in range(count)
    ]


class Writes(io.StringIO):
    """A stdout that counts its writes."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_the_text_findings_go_out_in_one_write() -> None:
    """`akool audit`'s text lines were written (and flushed) one by one: one write now."""
    stream = Writes()
    out = Output(stdout=stream, env={})
    audit_cmd._print(out, "text", AuditResult(_findings(300), 1))
    assert stream.writes <= 2, stream.writes  # main: 300
    assert stream.getvalue() == "".join(f.render() + "\n" for f in _findings(300))


def test_a_json_documents_lines_are_cleaned_only_where_something_may_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--json's 70,000 lines each went through the redactor, escape_controls and the CI
    commands' pattern (0.13 s): only lines holding what they change are looked at now."""
    seen: list[str] = []
    out = Output(stdout=io.StringIO(), env={})

    def clean(line: str) -> str:
        seen.append(line)
        return line

    monkeypatch.setattr(out, "_clean", clean)
    document = [f.to_json() for f in _findings(200)]
    document[7]["message"] = "see https://x.test/a?token=abc"
    out.json(document)
    assert len(seen) == 1 and "token=abc" in seen[0], seen[:3]  # main: 2,002 lines


def test_a_json_document_of_flat_records_is_not_written_by_the_python_encoder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """json.dumps with an indent is pure Python (0.06 s for bench's 7,000 findings): a list
    of flat records is written with C's string encoder instead, the same text."""
    made: list[int] = []
    real = json.encoder._make_iterencode  # type: ignore[attr-defined]

    def made_one(*args: Any, **kwargs: Any) -> Any:
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(json.encoder, "_make_iterencode", made_one)
    stream = io.StringIO()
    document = [f.to_json() for f in _findings(50)]
    Output(stdout=stream, env={}).json(document)
    assert not made  # main: 1
    assert stream.getvalue() == json.dumps(document, indent=2, ensure_ascii=False) + "\n"


LEAVES: list[Any] = [
    "",
    "é",
    'a"b\\c',
    "\udcff",
    "\u2028",
    "x\ty",
    0,
    -5,
    10**30,
    True,
    False,
    None,
]


def test_flat_records_are_what_json_dumps_writes() -> None:
    """Guard (the fast path against json.dumps): leaves of every kind, and None (json's own
    way) for a document that is not a list of flat records."""
    chance = random.Random(7)
    for _ in range(500):
        document = [
            {
                chance.choice(["a", "é", "k\n", 'x"y']) + str(k): chance.choice(LEAVES)
                for k in range(chance.randint(1, 4))
            }
            for _ in range(chance.randint(1, 4))
        ]
        assert output._flat_records(document) == json.dumps(document, indent=2, ensure_ascii=False)
    others: list[Any] = [
        [],
        {},
        [{}],
        [{"a": 1.5}],
        [{"a": [1]}],
        [{1: 2}],
        [{"a": {"b": 1}}],
        [[1]],
    ]
    for other in others:
        assert output._flat_records(other) is None


TEXT_PIECES = [
    "plain",
    " ",
    "a=b",
    "?token=s3cr3t",
    "%3D",
    "%3d",
    "%41",
    "%",
    "@",
    "u:p@h",
    "https://u:p@x.test/?sig=1&k=2",
    "::warning::",
    "##[group]",
    "x ##vso[task]",
    "#",
    "\t",
    "\x1b",
    "\u202e",
    "\x85",
    "é",
    "SECRETKEY123456",
    "secretkey1234",
    "cretkey12345",
    "SEC",
    ":",
    "\r",
]


def _random_text(chance: random.Random) -> str:
    lines = [
        "".join(chance.choice(TEXT_PIECES) for _ in range(chance.randint(0, 5)))
        for _ in range(chance.randint(1, 6))
    ]
    return "\n".join(lines)


@pytest.mark.parametrize("secrets", [(), ("SECRETKEY123456",), ("s3cr3t", "p@ss")])
def test_a_document_is_cleaned_as_line_by_line(secrets: tuple[str, ...]) -> None:
    """Guard (the new path against each line's own cleaning): unsafe characters, CI commands,
    signing values, users in URLs and known secrets (whole, in runs, percent-encoded)."""
    chance = random.Random(len(secrets))
    out = Output(stdout=io.StringIO(), env={})
    out.redactor.add(*secrets)
    for _ in range(1500):
        text = _random_text(chance)
        expected = "\n".join(out._clean(line) for line in text.split("\n"))
        assert out._clean_lines(text) == expected, text
        lines = text.split("\n")
        stream = io.StringIO()
        written = Output(stdout=stream, env={})
        written.redactor.add(*secrets)
        written.lines(lines)
        assert stream.getvalue() == "".join(out._clean(line) + "\n" for line in lines)


# -- credentials: passed over unless a credential's mark is there -----------------------------


def test_a_message_without_a_credentials_mark_is_not_searched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every message (and found value) went through CREDENTIAL's search at each of its places
    (a tenth of bench's output time): a text without one of its forms' marks is passed over."""
    searched: list[int] = []
    real = credentials.CREDENTIAL

    def sub(*args: Any) -> str:
        searched.append(1)
        return real.sub(*args)

    counting = SimpleNamespace(sub=sub)
    monkeypatch.setattr(credentials, "CREDENTIAL", counting)
    for finding in _findings(50):
        finding.render()
        assert "task_id" in credentials.abridged("AKOOL's answer has no data.task_id, see /api/o")
    assert credentials.abridged("key sk-proj-abcdefghijklmnop here") == "key sk-p… here"
    assert len(searched) == 1  # main: 101


def test_credentials_are_abridged_as_the_full_search_does() -> None:
    """Guard (passes on main too): each form of credential, at a token's start or not."""
    pieces = [
        "sk-proj-abcdefghijklmnop",
        "task_abcdefghijklmnop",
        "xsk_abcdefghijklmnopq",
        "AKIAABCDEFGHIJKLMNOP",
        "ghp_abcdefghijklmnopqrstuv",
        "eyJabcdefghi.abcdefghi.abcd",
        "aB3" * 12,
        "ab" * 20,
        "/" + "aB3" * 12,
        "hf_" + "a1" * 11,
        "007eJ" + "a/" * 8,
        " ",
        "/",
        ".",
        "-",
        "=",
        "é",
        "xoxb-1234567890",
    ]
    chance = random.Random(3)
    for _ in range(3000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(1, 6)))
        expected = credentials.CREDENTIAL.sub(lambda m: m.group()[:4] + "…", text)
        assert credentials.abridged(text) == (text if len(text) < 12 else expected), text
