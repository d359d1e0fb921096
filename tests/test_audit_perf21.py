"""perf21: `akool audit`'s speed work keeps its findings; each test checks the structure that makes
a pass cheap (no wall-clock limits: bench/run.py measures the time, as ratios)."""

from __future__ import annotations

import re

import pytest

from akool_cli.audit import datapaths, receivers, source
from akool_cli.audit.fields import Text
from akool_cli.audit.scan import audit_text


def _doc(text: str) -> Text:
    return Text(text, [0], [], True, "")


@pytest.mark.parametrize(
    ("text", "name", "container"),
    [
        ("box = {}\nbox.get(URL)\n", "box", True),
        ("my_box = {}\nbox.get(URL)\n", "box", False),  # another name ends in it
        ("$box = {}\n", "box", False),  # (a `$` before the name: another name)
        ("x=1;box = new Map()\n", "box", True),
        ("box: Map<string, string>\n", "box", True),
        ("xbox: Map<string, string>\n", "box", False),
        ("private final Map<String, Long> started;\n", "started", True),
        ("Set http to the client\n", "http", False),
        ("store = requests.Session()\n", "store", True),  # by its name
        ("s = requests.Session()\ns.get(URL)\n", "s", False),
    ],
)
def test_container_bindings_are_found_where_a_name_starts(
    text: str, name: str, container: bool
) -> None:
    receivers._bound_to_container.cache_clear()
    assert receivers.is_container(_doc(text), name) is container


def test_a_named_pattern_is_searched_by_its_literal_name_not_at_every_place() -> None:
    """`(?<![\\w$])name...` is tried at every place of the text (re finds no literal prefix after
    a lookbehind): the patterns open with the name, the boundary checked where it is found."""
    assert not receivers.TYPE_AFTER.startswith("(?<")
    assert receivers._named(r"cache\s*=", "xcache = 1\ncache = 2")
    assert not receivers._named(r"cache\s*=", "xcache = 1\n$cache = 2\n_cache = 3")
    for text in ("a cache = {}", "acache = {}", "é cache = {}", "écache = {}"):
        old = re.search(r"(?<![\w$])cache\s*=", text) is not None
        assert receivers._named(r"cache\s*=", text) is old


def test_the_type_before_a_name_is_looked_for_only_in_a_text_with_a_type_word() -> None:
    assert all(w in receivers.CONTAINER_TYPE for w in receivers.TYPE_WORDS)
    assert not receivers._declared_container("s = requests.Session()\n", "s")


@pytest.mark.parametrize(
    "line",
    [
        'r1 = requests.post(f"{BASE}/content/video/createbytalkingphoto", json=body1)',
        "print (x) ; logger.error(msg)  raise ValueError('x')",
        "a1b2(c) 3d(e) é(f) _x (g)",
        "select * from t where path = '/x'",
    ],
)
def test_line_cues_are_read_from_each_words_start(line: str) -> None:
    """The called words and the two words of a line are matched from a word's start only (from
    each letter of a long word, the greedy word was read again and again)."""
    assert datapaths.CALLED_WORD.pattern.startswith("\\b")
    assert datapaths.TWO_WORDS.pattern.startswith("(?<![A-Za-z])")
    assert datapaths.CALLED_WORD.findall(line) == re.findall(r"(\w+)\s*\(", line)
    two = re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", line) is not None
    assert (datapaths.TWO_WORDS.search(line) is not None) is two


def test_a_files_comments_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file without comments had them worked out twice (an empty dict read as missing)."""
    calls: list[str] = []
    real = source.comments

    def counted(name: str, lines: list[str]) -> dict[int, source.Comment]:
        calls.append(name)
        return real(name, lines)

    monkeypatch.setattr(source, "comments", counted)
    text = 'import requests\nrequests.get("https://openapi.akool.com/api/open/v3/x")\n'
    audit_text(text, "a.py")
    assert calls.count("a.py") == 1


def _functions(n: int) -> str:
    """M8's Python shape: a function per call, each returning the answer's data."""
    head = (
        'import requests\nS = requests.Session()\nBASE = "https://openapi.akool.com/api/open/v3"\n'
    )
    return head + "".join(
        f"def f{k}(p, a):\n"
        f'    r = S.post(f"{{BASE}}/content/video/createbytalkingphoto", json={{"talking_photo_url":'
        f' p, "audio_url": a, "resolution": "720"}})\n'
        f'    return r.json()["data"]["_id"]\n'
        for k in range(n)
    )


def test_each_lines_reads_and_return_are_worked_out_once_per_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """break21c M8: every call's scope walks the lines after it (up to ties.WINDOW) and each
    line's item reads and returned expression were worked out again for each call reaching it."""
    from akool_cli.audit import answers, ties

    asked: dict[str, list[str]] = {"indexed": [], "returned": []}
    indexed, returned = answers.indexed, ties.returned_expression

    def count_indexed(line: str):  # type: ignore[no-untyped-def]
        asked["indexed"].append(line)
        return indexed(line)

    def count_returned(line: str) -> str | None:
        asked["returned"].append(line)
        return returned(line)

    monkeypatch.setattr(answers, "indexed", count_indexed)
    monkeypatch.setattr(ties, "returned_expression", count_returned)
    text = _functions(60)
    before = audit_text(text, "m8.py")
    lines = text.count("\n")
    assert len(asked["indexed"]) <= lines
    assert len(asked["returned"]) <= 3 * lines  # (returns.py and the wrappers ask too)
    monkeypatch.undo()
    assert audit_text(text, "m8.py") == before


def test_an_item_read_is_looked_for_only_on_a_line_with_an_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from akool_cli.audit import answers

    class Never:
        def finditer(self, line: str) -> None:
            raise AssertionError(line)

    assert list(answers.indexed('    avatars[0]["thumbnail"]')) == [("avatars", 16, "thumbnail")]
    monkeypatch.setattr(answers, "INDEXED", Never())
    assert list(answers.indexed('    return r.json()["data"]["_id"]')) == []


@pytest.mark.parametrize(
    "text",
    [
        'data = body["data"]["result"]\n',
        "x = 1\ndata=r.data.items\n",
        "const { data } = await get(u)\n",
        "metadata = body.data.x\n",
        "no such word here\n",
    ],
)
def test_whole_text_answer_cues_are_tried_only_where_they_can_start(text: str) -> None:
    """DATA_DEEPER tried where the word data is, MAPS_JSON_NAMES only in a text holding one of
    its marks: the same answers as a search of the whole text."""
    from akool_cli.audit import answers

    assert answers.data_deeper(text) is (answers.DATA_DEEPER.search(text) is not None)
    for mapped in (text, text + "@JsonProperty(\n", text + "x = Field(alias='a')\n"):
        found = answers.MAPS_JSON_NAMES.search(mapped) is not None
        assert answers.maps_json_names(mapped) is found
    assert not answers.maps_json_names("@@ Field JsonPropertyName #[serde\n")


def test_a_line_is_looked_up_by_the_few_names_known_not_by_its_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """sites.definitions asks of every line whether it names a known base: with a few names, each
    is looked for in the line (no list of the line's words made)."""
    from akool_cli.audit import sites

    names = ["BASE", "self.base", "$api", "api_key"]
    seen = sites.NamesSeen(names)
    lines = ["x = BASE + p", "x = BASES", "self.base + p", "my.self.base", "f($api)", "a $api", "q"]
    expected = [any(re.search(rf"\b{re.escape(n)}\b", line) for n in names) for line in lines]
    assert expected == [True, False, True, True, False, False, False]
    assert [seen.search(line) for line in lines] == expected

    class NoWords:
        def findall(self, line: str) -> None:
            raise AssertionError(line)

    monkeypatch.setattr(sites, "WORD", NoWords())
    assert [seen.search(line) for line in lines] == expected


def test_whether_a_file_declares_an_enum_is_looked_for_once() -> None:
    from akool_cli.audit import fields

    fields._declares_enum.cache_clear()
    text = "".join(f'requests.get(BASE + "/x{k}")\n' for k in range(50))
    for paren in [k for k, c in enumerate(text) if c == "("]:
        assert not fields.enum_constant(text, paren)
    assert fields._declares_enum.cache_info().misses == 1
