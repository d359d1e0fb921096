"""Generate akool_cli/core/catalogue.json, the catalogue of AKOOL's documented endpoints, from the text
of AKOOL's documentation (a checkout of the docs.akool.com pages and OpenAPI files).

Usage: python scripts/gen_catalogue.py [DOCS_DIR] [OUTPUT]
  DOCS_DIR defaults to ../shared/akool-docs beside the repository, OUTPUT to akool_cli/core/catalogue.json.

Only facts are taken (methods, paths, hosts, field names, types, required flags, enums, page
names); no prose. Standard library plus PyYAML (a dev dependency) for the OpenAPI files.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = ROOT.parent / "shared" / "akool-docs"
DEFAULT_OUTPUT = ROOT / "akool_cli" / "core" / "catalogue.json"
API_HOST = "openapi.akool.com"
PAGE_DIRS = ("ai-tools-suite", "authentication")

# A line that names an endpoint: "POST https://openapi.akool.com/api/open/v3/..." (pages), or
# the `openapi: "POST /path"` front matter that binds a page to an OpenAPI operation.
METHOD_LINE = re.compile(
    r"^\s*(?P<method>GET|POST|PUT|DELETE|PATCH)\s+https?://(?P<host>[A-Za-z0-9.-]+)(?P<path>/[^\s?`\"']*)"
)
FRONT_MATTER_OPENAPI = re.compile(r'^openapi:\s*"(?P<method>[A-Z]+)\s+(?P<path>/\S*)"\s*$', re.M)
OPEN_PATH = re.compile(r"/api/open/v\d+/[A-Za-z0-9_./{}-]*[A-Za-z0-9_}]")
LITERAL_ID = re.compile(r"^[0-9a-f]{24}$")
SAMPLE_URL = re.compile(
    r"https?://[A-Za-z0-9.-]+(?P<path>/api/open/[^\s?'\"`]*)\?(?P<query>[^\s'\"`]+)"
)
# A key of an object literal (quoted, or a bare name), an opening or a closing bracket; strings
# that are values are matched (and skipped) so that their text is never read as keys.
JSON_TOKEN = re.compile(
    r'(?P<key>"[^"\\\n]*"|\b[A-Za-z_][\w]*\b)\s*:(?!//)'
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|//[^\n]*"
    r"|(?P<open>[\[{])|(?P<close>[\]}])"
)
HEADING = re.compile(r"^(?:#+\s+(?P<h>.+?)|\*\*(?P<b>[^*]+)\*\*)\s*$")
TYPE_NAMES = {
    "string": "string",
    "str": "string",
    "number": "number",
    "float": "number",
    "double": "number",
    "int": "integer",
    "integer": "integer",
    "long": "integer",
    "boolean": "boolean",
    "bool": "boolean",
    "array": "array",
    "object": "object",
}
# Some endpoints appear on several pages; the page that is about the endpoint is named here.
PRIMARY_PAGE = {
    "/api/open/v3/getToken": "authentication/usage",
    "/api/open/v3/content/video/infobymodelid": "ai-tools-suite/talking-photo/get-result",
    "/api/open/v3/avatar/list": "ai-tools-suite/avatar",
    "/api/open/v3/avatar/detail": "ai-tools-suite/avatar",
    "/api/open/v3/avatar/create": "ai-tools-suite/avatar",
    "/api/open/v3/content/analysis/sentiment": "ai-tools-suite/jarvis-moderator",
    "/api/open/v3/content/analysis/infobyid": "ai-tools-suite/jarvis-moderator",
    # Also on the background change page, which is deprecated: image generation reads it today.
    "/api/open/v3/content/image/infobymodelid": "ai-tools-suite/image-generate",
}
PRODUCT_NAMES = {
    "voiceLab": "voicelab",
    "image2video": "image-to-video",
    "text2video": "text-to-video",
}


# -- the pages -----------------------------------------------------------------------------------


def _normalise_path(path: str) -> str:
    """A path as a template: literal ids shown in examples become {_id}."""
    parts = ["{_id}" if LITERAL_ID.match(p) else p for p in path.rstrip("/").split("/")]
    return "/".join(parts)


def _table_at(lines: list[str], start: int) -> tuple[list[dict[str, str]], int]:
    """The markdown table starting at lines[start] as rows keyed by lower-case header; its end."""

    def cells(line: str) -> list[str]:
        return [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]

    header = [h.lower() for h in cells(lines[start])]
    rows, i = [], start + 2
    while i < len(lines) and lines[i].strip().startswith("|"):
        values = cells(lines[i])
        rows.append(dict(zip(header, values + [""] * (len(header) - len(values)), strict=False)))
        i += 1
    return rows, i


def _field_from_row(row: dict[str, str]) -> dict[str, Any] | None:
    name = (row.get("parameter") or row.get("field") or row.get("name") or "").strip("` ")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        return None  # nested rows ("- speed"), headers and prose
    cell = (row.get("type") or "string").strip().strip("`")
    # "[Object]" (talking-avatar's elements) is a list of objects, not one object.
    raw_type = "array" if re.fullmatch(r"\[\w+\]", cell) else re.sub(r"[^a-z]", "", cell.lower())
    required = (row.get("required") or row.get("isrequired") or "").lower()
    field: dict[str, Any] = {
        "name": name,
        "type": TYPE_NAMES.get(raw_type, "string"),
        "required": required in ("true", "yes", "required"),
    }
    description = row.get("description") or ""
    enum = _enum_of(_cell_text(row.get("value") or ""), description)
    if not enum and field["type"] == "string":
        enum = _described_enum(description) or _named_choices(name, description)
        enum = enum or _lettered_choices(description) or _supported_choices(name, description)
        enum = enum or _counted_choices(description)
    if not enum and field["type"] in ("integer", "number"):  # "options: 5, 10", "1 = AI ..."
        enum = _described_enum(description) or _meanings_enum(description)
    enum = (
        enum or _must_be(field["type"], description) or _bracket_choices(field["type"], description)
    )
    enum = enum or (_always(description) if field["type"] == "string" else None)
    enum = enum or (_supports(name, description) if field["type"] == "string" else None)
    if enum:
        field["enum"] = enum
    elif field["type"] == "string" and ISO_639_1.search(description):
        field["format"] = "iso639-1"  # "Language code (ISO 639-1)", "in ISO-639-1 format"
    elif field["type"] == "string" and _language_codes(name, description):
        field["format"] = "language-code"  # "Language code for speech-to-text recognition"
    elif field["type"] == "string" and PERCENT_RANGE.search(_cell_text(description)):
        field["format"] = "percent"  # "Voice speaking speed【field value ranges（0%-100%）】"
    if field["type"] in ("integer", "number"):
        field.update(_range_of(row.get("value") or "", row.get("description") or ""))
    if field["type"] == "string" and COMMA_LIST.search(description):
        field["separator"] = ","
    if field["type"] == "string" and (detect := AUTO_VALUE.search(description)) is not None:
        field["detect"] = detect.group("v")
    if not field["required"] and (when := REQUIRED_WHEN.search(description)) is not None:
        field["required_when"] = [when.group("f"), when.group("v")]
    return field


# "Audio URL, required when audio_type = 2": an optional field the row requires when another
# field of the same body has one value. "Required when type is equal to image or avatar" (several
# values, worded otherwise) is not read.
REQUIRED_WHEN = re.compile(
    r"\brequired when\s+`?(?P<f>[A-Za-z_]\w*)`?\s*(?:==?|is)\s*(?P<q>[`\"']?)(?P<v>[\w.-]+)(?P=q)"
    r"\s*(?:[.;,)]|$)",
    re.I,
)


# A text field's row or schema that names the value asking the API to detect it itself ("Use
# "DEFAULT" for automatic language detection"): "auto" and the like sent there are not it.
AUTO_VALUE = re.compile(
    r"[\"`](?P<v>[^\"`\s]+)[\"`]\s+(?:for|to)\s+(?:automatic(?:ally)?\s+(?:\w+\s+)?detect\w*|auto-?detect\w*)",
    re.I,
)


# A text field's row or schema that says it takes several values in one string, separated by
# commas ("Multiple IDs separated by commas", "For multiple languages, separate with commas",
# "comma-separated language codes"): a list sent there is not that string.
COMMA_LIST = re.compile(r"\bseparat(?:e|ed)\s+(?:with|by)\s+commas?\b|\bcomma[- ]separated\b", re.I)


# A text field's row whose values are percentages from 0% to 100% ("field value ranges（0%-100%）"):
# each value is written as one ("50%").
PERCENT_RANGE = re.compile(r"\branges?\s*[（(]\s*0%\s*-\s*100%\s*[）)]", re.I)

# A text field's row that says it takes a two-letter language code ("Language code (ISO 639-1)",
# "Supplying the input language in ISO-639-1 format"): the format is checked, not a list.
ISO_639_1 = re.compile(r"\bISO[- ]?639-1\b", re.I)

# A text field's row or schema that says it takes language codes, a region's too ("Language code
# for speech-to-text recognition", "specify a language code (e.g., "en" ...)"), or a field named
# for a language whose examples are all codes ("separate with commas (e.g., "ja,zh-CN-shandong")").
LANGUAGE_CODES = re.compile(r"\blanguage codes?\b", re.I)
CODES_EXAMPLE = re.compile(
    r'\be\.g\.,?\s*"[a-z]{2}(?:-[A-Za-z0-9]+)*(?:,[a-z]{2}(?:-[A-Za-z0-9]+)*)*"'
)


def _language_codes(name: str, description: str) -> bool:
    """Whether a text field takes language codes (see LANGUAGE_CODES, CODES_EXAMPLE)."""
    if LANGUAGE_CODES.search(description):
        return True
    return "lang" in name.lower() and CODES_EXAMPLE.search(description) is not None


NUM = r"(-?\d+(?:\.\d+)?)"
# How the pages state a number's range, and nothing looser: a Value cell `[-30, 30]`; "(0-1)",
# "(0 to 1)", "range 1-100", "range [-100,100]", "available range [0.7, 1.2]", "Values range
# from 0.8 to 1.2"; "minimum 1", "maximum 24". A bracket of more than two numbers lists choices
# ("Available range [8000, 16000, 22050, ...]"), not a range.
VALUE_RANGE = re.compile(rf"^`?\[\s*{NUM}\s*,\s*{NUM}\s*\]`?$")
DESCRIBED_RANGES = (
    re.compile(rf"\(\s*{NUM}\s*(?:-|to)\s*{NUM}\s*\)"),
    re.compile(rf"\brange\s*\[\s*{NUM}\s*,\s*{NUM}\s*\]", re.I),
    re.compile(rf"\brange\s+{NUM}\s*-\s*{NUM}\b", re.I),
    re.compile(rf"\brange from\s+{NUM}\s+to\s+{NUM}\b", re.I),
)
DESCRIBED_BOUND = re.compile(rf"\b(?P<bound>minimum|maximum)\s+{NUM}\b", re.I)


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def _range_of(value: str, description: str) -> dict[str, int | float]:
    """The documented minimum and maximum of a number field, where its row states them."""
    m = VALUE_RANGE.match(value.strip())
    for pattern in DESCRIBED_RANGES:
        m = m or pattern.search(description)
    if m is not None:
        low, high = sorted((_number(m.group(1)), _number(m.group(2))))
        return {"minimum": low, "maximum": high}
    return {
        b.group("bound").lower(): _number(b.group(2)) for b in DESCRIBED_BOUND.finditer(description)
    }


# A row of a nested field: "[elements].url" (each item of the array elements), "voice.speed".
NESTED_ROW = re.compile(r"^\[?(?P<parent>[A-Za-z_]\w*)\]?\.(?P<child>[A-Za-z_]\w*)$")


def _nested_rows(rows: list[dict[str, str]], fields: list[dict[str, Any]]) -> None:
    """Rows that document a field of an object field or of an array field's items, added to it."""
    by_name = {f["name"]: f for f in fields}
    for row in rows:
        name = (row.get("parameter") or row.get("field") or row.get("name") or "").strip("` ")
        m = NESTED_ROW.match(name)
        parent = by_name.get(m.group("parent")) if m else None
        if m is None or parent is None:
            continue
        child = _field_from_row({**row, "parameter": m.group("child"), "field": "", "name": ""})
        if child is not None:
            parent.setdefault("fields", []).append(child)


# A row under the field before it: "- speed" (a field of voice_options), "-- pitch" (a field of
# extra_options' voice_modify).
DASHED_ROW = re.compile(r"^(?P<dash>-+)\s*`?(?P<name>[A-Za-z_]\w*)`?$")


def _dashed_rows(rows: list[dict[str, str]], fields: list[dict[str, Any]]) -> None:
    """Rows written "- x" (and "-- x" below those), each a field of the row above it."""
    by_name = {f["name"]: f for f in fields}
    parents: list[dict[str, Any]] = []
    for row in rows:
        name = (row.get("parameter") or row.get("field") or row.get("name") or "").strip("` ")
        m = DASHED_ROW.match(name)
        if m is None:
            top = by_name.get(name)
            parents = [top] if top is not None else []
            continue
        depth = len(m.group("dash"))
        if depth > len(parents):
            parents = []  # under nothing this table names
            continue
        child = _field_from_row({**row, "parameter": m.group("name"), "field": "", "name": ""})
        if child is None:
            continue
        parents[depth - 1].setdefault("fields", []).append(child)
        parents = [*parents[:depth], child]


# "Set the output video width,must be 3840", 'must be "avatar"': the one value a field may take (a
# number, or a quoted text; "must be a public accessible URL" says what kind, not which value).
MUST_BE = re.compile(
    r"\bmust be\s+(?:(?P<n>-?\d+(?:\.\d+)?)|[`\"'](?P<s>[\w.:-]+)[`\"'])(?=\s*(?:[.,;)]|$))", re.I
)


CONDITION = re.compile(r"\b(?:if|when|unless|only|while|for)\b", re.I)


def _must_be(kind: str, description: str) -> list[str] | None:
    """The single value a row's description says the field must be, if it says one."""
    text = description.strip()
    m = MUST_BE.search(text)
    if m is None or (m.group("n") is None) == (kind in ("integer", "number")):
        return None
    sentence = re.split(r"[.;。]\s", text[: m.start()])[-1]
    if CONDITION.search(sentence):
        return None  # "If you provide an avatar URL yourself, avatar_from must be 3": a case
    return [m.group("n") or m.group("s")]


# A cell's markup that is not its text: `<p align="center">1,2</p>` (voiceLab's tables).
CELL_MARKUP = re.compile(r"</?p(?:\s[^>]*)?>", re.I)
# A description that says the field takes several of the values at once: the Value cell is then an
# example of such a list ("Male,Female": "Gender filters, separated by commas"), not the choices.
SEVERAL_VALUES = re.compile(r"separated by commas|comma[- ]separated|e\.g\.|for example", re.I)


def _cell_text(value: str) -> str:
    return CELL_MARKUP.sub("", value).strip()


def _enum_of(value: str, description: str = "") -> list[str] | None:
    """A Value cell that lists choices ("3, 4"; "720p, 1080p"; "2、3") rather than an example."""
    if SEVERAL_VALUES.search(description):
        return None
    value = value.replace("，", ",").replace("、", ",")
    quoted = re.findall(r'"([^"]+)"', value)
    if len(quoted) > 1 and not re.sub(r'"[^"]+"', "", value).strip(" ,"):
        return quoted
    text = value.replace("`", "").strip()
    # ("2 or 3": talking avatar's `avatar_from`; "a, b or c" too)
    text = re.sub(r"(?:\s*,)?\s+or\s+", ", ", text) if " or " in text else text
    if not re.fullmatch(r"[\w.-]+(?:\s*,\s*[\w.-]+)+", text):
        return None
    return [v.strip() for v in text.split(",")]


# "Resolution options: 720p, 1080p, 4k", "Output resolution: `480p` or `720p`", "Animation mode:
# "animate" (...) or "replace" (...)": a description that lists every choice after a colon. "e.g."
# lists are examples, not choices.
DESCRIBED_CHOICES = re.compile(
    r"(?:options|resolution|mode|values)\s*:\s*(?P<list>[^;\n]+?)(?:\.\s|\.?$|;)", re.I
)
CHOICE = re.compile(r"^[`\"']?(?P<v>[\w.:-]+)[`\"']?$")


# "U(1-4): Generate a single 4k image ..., V(1-4)：Generate a single variant image ...": a text
# field's description that names each choice as a letter and a range of numbers (two or more).
LETTERED = re.compile(r"(?<![\w(])(?P<letter>[A-Z])\((?P<a>\d)\s*-\s*(?P<b>\d)\)\s*[:：]")


def _lettered_choices(description: str) -> list[str] | None:
    found = list(LETTERED.finditer(description))
    if len(found) < 2:
        return None
    return [
        f"{m.group('letter')}{k}"
        for m in found
        for k in range(int(m.group("a")), int(m.group("b")) + 1)
    ]


# "Supported voice models: Akool Multilingual 1, Akool Multilingual 3, Akool Multilingual 4.": a
# text field's description that lists every supported value, each of words, after a colon.
# Only a field named for what is listed takes the list as its choices (`voice_model_name`, "voice
# models"): another row's "Supported voice models: ..." says which models honour that row's option.
SUPPORTED = re.compile(
    r"\bSupported (?P<what>[\w ]{0,30}?)s?:\s*(?P<list>[^.;:\n\[]+?)\s*(?:\.\s|\.?$|;|\[)"
)


def _supported_choices(name: str, description: str) -> list[str] | None:
    m = SUPPORTED.search(description)
    if m is None or SEVERAL_VALUES.search(description):
        return None
    if m.group("what").split()[-1:] != [w for w in name.lower().split("_") if w][-2:-1]:
        return None
    parts = [p.strip() for p in m.group("list").split(",")]
    if len(parts) < 2 or not all(re.fullmatch(r"[\w.-]+(?: [\w.-]+){0,3}", p) for p in parts):
        return None
    return parts


# "1 = AI generate, 2 = user custom upload, 3 = none (no audio)", "1-VoiceClone, 2-Akool Voices",
# "1: image  2:video" (values apart by spaces, meanings after a colon),
# "2-Voice does not support streaming.； 1-Voice supports streaming.": a number field's description
# that gives each of its values a meaning, and says nothing else. The description must start with
# its first value (or "Audio type:"), so that a value named in passing ("required when x = 2") is
# never read as a choice.
MEANING = re.compile(
    r"(?:^|[,;，；.]\s*)(?P<v>\d+)\s*(?:=|-)\s*(?=[A-Za-z])|(?:^|\s)(?P<c>\d+)\s*:\s*(?=[A-Za-z])"
)
MEANINGS_LEAD = re.compile(r"^(?:[A-Za-z ]+:\s*)?\d+\s*(?:=|-|:)\s*[A-Za-z]")


def _meanings_enum(description: str) -> list[str] | None:
    text = description.strip()
    if not MEANINGS_LEAD.match(text) or SEVERAL_VALUES.search(text):
        return None
    values = [
        m.group("v") or m.group("c")
        for m in MEANING.finditer(re.sub(r"^[A-Za-z ]+:\s*(?=\d)", "", text))
    ]
    if len(values) < 2 or len(set(values)) != len(values):
        return None
    return sorted(values, key=int)


# "Emotion (happy, sad, angry, fearful, disgusted, surprised, neutral)", "Element type（avatar、image、
# audio）": a description that opens with the field's own name (as its last word) and lists its
# choices in parentheses (three or more plain words; full-width brackets and 、 too).
NAMED_CHOICES = re.compile(
    r"^\s*(?:[A-Za-z]+\s+){0,2}(?P<word>[A-Za-z_]+)\s*\((?P<list>[a-z_]+(?:\s*,\s*[a-z_]+){2,})\)"
)


def _named_choices(name: str, description: str) -> list[str] | None:
    text = description.replace("（", "(").replace("）", ")").replace("、", ",")
    m = NAMED_CHOICES.match(text)
    if m is None or m.group("word").lower() != name.lower():
        return None
    return [v.strip() for v in m.group("list").split(",")]


# "This parameter controls text normalization with three modes: ‘auto’, ‘on’, and ‘off’.": a
# description that counts its choices and lists exactly that many, each in quotes (curly ones too),
# apart by commas and a last "and" or "or"; the count is what makes them every choice, not examples.
COUNTED = re.compile(
    r"\b(?P<n>two|three|four|five|six)\s+(?:modes|options|values|choices)\s*:\s*(?P<list>[^.;:\n]+)",
    re.I,
)
QUOTED_CHOICE = re.compile(r"[‘'\"`](?P<v>[\w.:-]+)[’'\"`]")
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _counted_choices(description: str) -> list[str] | None:
    m = COUNTED.search(description)
    if m is None or SEVERAL_VALUES.search(description[: m.end()]):
        return None
    values = [q.group("v") for q in QUOTED_CHOICE.finditer(m.group("list"))]
    rest = QUOTED_CHOICE.sub("", m.group("list"))
    if len(values) != COUNTS[m.group("n").lower()] or re.sub(r",|\band\b|\bor\b", "", rest).strip():
        return None
    return values


# "Available range [8000, 16000, 22050, 24000, 32000, 44100]", "Available options: [1,2]",
# "Available options [mp3, wav]": the choices in a bracket after "Available range/options". Two
# numbers after "range" are its ends ("available range [0.7, 1.2]", see DESCRIBED_RANGES), so a
# "range" bracket is read as choices only from three values on.
BRACKET_CHOICES = re.compile(
    r"\bAvailable\s+(?P<what>range|options)\s*:?\s*\[(?P<list>[^\]\n]+)\]", re.I
)


def _bracket_choices(kind: str, description: str) -> list[str] | None:
    m = BRACKET_CHOICES.search(description)
    if m is None or SEVERAL_VALUES.search(description[: m.end()]):
        return None
    parts = [p.strip().strip("'\"`") for p in m.group("list").split(",")]
    numeric = all(re.fullmatch(r"-?\d+(?:\.\d+)?", p) for p in parts)
    if numeric != (kind in ("integer", "number")) or len(parts) < 2:
        return None  # (numbers for a text field, or words for a number: not this row's values)
    if m.group("what").lower() == "range" and len(parts) < 3:
        return None
    return parts if all(re.fullmatch(r"[\w.-]+", p) for p in parts) else None


# "For head swap, always **`head`**": the one value a text field takes, quoted, closing its
# description. A condition before it ("when x is 2, always `y`") makes it one case, not the rule.
ALWAYS = re.compile(r"\balways\s+\**[`\"'](?P<v>[\w.:-]+)[`\"']\**\s*\.?\s*$", re.I)
ALWAYS_CONDITION = re.compile(r"\b(?:if|when|unless|only|while|except)\b", re.I)


def _always(description: str) -> list[str] | None:
    m = ALWAYS.search(description.strip())
    if m is None or ALWAYS_CONDITION.search(description[: m.start()]):
        return None
    return [m.group("v")]


# "File format, supports mp3 and wav formats.": a description that names what the field is (its
# last word the field name's last word: "format" of file_format), then every value it supports,
# the last after "and"/"or". "Audio file URL, supports mp3, mp4, wav, etc." lists examples ("etc."
# does not match) of what a URL points at (URL is not "file"), so it is no list of values.
SUPPORTS = re.compile(
    r"^\s*(?P<head>[A-Za-z][A-Za-z ]*?)\s*,\s*supports\s+(?:only\s+)?"
    r"(?P<list>[\w.-]+(?:\s*,\s*[\w.-]+)*,?\s+(?:and|or)\s+[\w.-]+)(?:\s+[a-z]+)?\s*\.?\s*$",
    re.I,
)


def _supports(name: str, description: str) -> list[str] | None:
    m = SUPPORTS.match(description)
    if m is None or m.group("head").split()[-1].lower() != name.lower().split("_")[-1]:
        return None
    return [v.strip() for v in re.split(r",|\band\b|\bor\b", m.group("list")) if v.strip()]


# "Model id — see **Model names** below", and below it a heading "Model names" over a table whose
# Value column lists every value: the field's choices are that column.
SEE_BELOW = re.compile(r"\bsee\s+\**(?P<h>[A-Za-z][\w ]*?)\**\s+below\b", re.I)


def _see_below(rows: list[dict[str, str]], fields: list[dict[str, Any]], lines: list[str]) -> None:
    """Fields whose row sends the reader to a table of values below (see SEE_BELOW)."""
    by_name = {f["name"]: f for f in fields}
    for row in rows:
        name = (row.get("parameter") or row.get("field") or row.get("name") or "").strip("` ")
        m = SEE_BELOW.search(row.get("description") or "")
        if m is None or name not in by_name or "enum" in by_name[name]:
            continue
        values = _values_under(lines, m.group("h").strip())
        if values:
            by_name[name]["enum"] = values


def _values_under(lines: list[str], title: str) -> list[str] | None:
    """The Value column of the first table under the heading `title` (None: no such table)."""
    for i, line in enumerate(lines):
        heading = HEADING.match(line.strip())
        if heading is None or (heading.group("h") or heading.group("b") or "").strip() != title:
            continue
        start = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), len(lines))
        if start + 1 >= len(lines) or not lines[start].strip().startswith("|"):
            return None
        rows, _ = _table_at(lines, start)
        values = [(r.get("value") or "").strip("` ") for r in rows]
        return values if values and all(re.fullmatch(r"[\w.:-]+", v) for v in values) else None
    return None


def _described_enum(description: str) -> list[str] | None:
    m = DESCRIBED_CHOICES.search(description.replace("（", "(").replace("）", ")"))
    if m is None or "e.g" in description[: m.end()].lower():
        return None
    text = re.sub(r"\([^)]*\)", "", m.group("list"))
    parts = [p.strip() for p in re.split(r",|\bor\b", text) if p.strip()]
    choices = [CHOICE.match(p) for p in parts]
    if len(parts) < 2 or not all(choices):
        return None
    return [c.group("v") for c in choices if c]


def _field_kind(label: str, method: str) -> str | None:
    """Whether a table under `label` lists the body or the query of a request (None: neither)."""
    low = label.lower()
    if "response" in low or "header" in low or "code" in low:
        return None
    if "query" in low:
        return "query"
    if "body" in low or "param" in low:
        return "body" if method in ("POST", "PUT", "PATCH") else "query"
    return None


def _section_fields(lines: list[str], method: str) -> dict[str, Any]:
    """A section's request fields (tables, and the keys of its example request bodies) and the
    fields its answers show (response tables and examples), as dotted paths."""
    fields: dict[str, Any] = {
        "body": [],
        "query": [],
        "response": set(),
        "example_fields": set(),
        "example_paths": set(),
        "example_bodies": [],
        "example_kinds": {},
    }
    label, i = "", 0
    while i < len(lines):
        heading = HEADING.match(lines[i].strip())
        if heading:
            label = heading.group("h") or heading.group("b") or ""
        if lines[i].strip().startswith("|") and i + 1 < len(lines) and "---" in lines[i + 1]:
            rows, i = _table_at(lines, i)
            kind = _field_kind(label, method)
            if kind:
                fields[kind] += [f for f in map(_field_from_row, rows) if f]
                _nested_rows(rows, fields[kind])
                _dashed_rows(rows, fields[kind])
                _see_below(rows, fields[kind], lines)
            elif "response" in label.lower() and "code" not in label.lower():
                fields["response"] |= _response_rows(rows)
            continue
        if lines[i].strip().startswith("```"):
            block, i = _block_at(lines, i)
            _example_fields(label, block, method, fields)
            continue
        i += 1
    fields["query"] += _sample_query_fields(lines)
    return fields


def _block_at(lines: list[str], start: int) -> tuple[str, int]:
    """The text of the fenced block opening at lines[start], and the line after it."""
    end = start + 1
    while end < len(lines) and not lines[end].strip().startswith("```"):
        end += 1
    return "\n".join(lines[start + 1 : end]), end + 1


CURL_DATA = re.compile(r"(?:-d|--data(?:-raw)?)\s+'(?P<json>\{.*?\})'", re.S)
CURL_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?P<path>/[^\s\"'?]*)")


def curl_sample_fields(docs: Path) -> dict[str, list[set[str]]]:
    """The keys each cURL sample of the pages sends, by the path it sends them to."""
    found: dict[str, list[set[str]]] = {}
    for page in pages(docs):
        text = (docs / f"{page}.mdx").read_text(encoding="utf-8")
        for block in re.findall(r"```[^\n]*\n(.*?)```", text, re.S):
            url, data = CURL_URL.search(block), CURL_DATA.search(block)
            if "curl" not in block or url is None or data is None:
                continue
            names = {p for p in json_paths(data.group("json")) if re.fullmatch(r"[A-Za-z_]\w*", p)}
            found.setdefault(_normalise_path(url.group("path")), []).append(names)
    return found


def _example_fields(label: str, block: str, method: str, fields: dict[str, Any]) -> None:
    """A JSON example under a "Response" label shows the answer's fields; under "Body" or
    "Request", or sent by a cURL sample, the keys a request sends (the docs' own examples are
    documentation too, where they differ from the tables)."""
    low = label.lower()
    if method in ("POST", "PUT", "PATCH") and "response" not in low:
        for name, kinds in example_kinds(block).items():
            fields["example_kinds"].setdefault(name, set()).update(kinds)
    if not block.lstrip().startswith("{"):
        if method in ("POST", "PUT", "PATCH") and "response" not in low:
            # A code sample's body (PHP's `$body = '{...}'`): the keys it sends inside a nested
            # field are shown there too (voice clone's PHP sample puts webhookUrl in voice_options).
            fields["example_paths"] |= {p for p in json_paths(block) if "." in p}
        return
    paths = json_paths(block)
    if "response" in low or {"code", "msg", "data"} <= paths:  # (an answer under any heading)
        fields["response"] |= paths
    elif ("body" in low or "request" in low) and method in ("POST", "PUT", "PATCH"):
        names = sorted({p for p in paths if "." not in p} - {f["name"] for f in fields["body"]})
        names = [n for n in names if re.fullmatch(r"[A-Za-z_]\w*", n)]
        fields["example_fields"] |= set(names)
        fields["example_paths"] |= {p for p in paths if "." in p}
        fields["example_bodies"].append({p for p in paths if "." not in p and "[" not in p})


# A key and the first character of its value in an example or a code sample (`"prompt": 42`,
# `'docs': [{`, `prompt: "x"`, Ruby's and PHP's `=>`), read leniently.
KEY_VALUE = re.compile(
    r"(?:\"(?P<a>[A-Za-z_]\w*)\"|'(?P<b>[A-Za-z_]\w*)'|(?<![\w\"'.])(?P<c>[A-Za-z_]\w*))"
    r"\s*(?::|=>)\s*(?P<v>[\[{]\s*.|.)"
)
VALUE_KINDS = {
    '"': "string",
    "'": "string",
    "`": "string",
    "t": "boolean",
    "f": "boolean",
    "T": "boolean",
    "F": "boolean",
    "[": "array",
    "{": "object",
}


def example_kinds(block: str) -> dict[str, set[str]]:
    """The kinds of value the docs' examples and code samples send each key as ("number" for
    `"prompt": 42`; "items:object" beside "array" for `"docs": [{`): a field the docs' own
    samples send as another type than its row gives is not judged for that type."""
    found: dict[str, set[str]] = {}
    for m in KEY_VALUE.finditer(block):
        name, value = m.group("a") or m.group("b") or m.group("c"), m.group("v")
        kind = VALUE_KINDS.get(value[0]) or ("number" if re.match(r"[-\d.]", value) else None)
        if kind is None:
            continue
        kinds = found.setdefault(name, set())
        kinds.add(kind)
        inner = value[-1] if kind == "array" and len(value) > 1 else ""
        item = VALUE_KINDS.get(inner) or ("number" if re.match(r"[-\d.]", inner) else None)
        if item is not None:
            kinds.add(f"items:{item}")
    return found


def _response_rows(rows: list[dict[str, str]]) -> set[str]:
    """Fields of a response table: each row's name, and `data`'s keys when its cell shows them
    (`{ _id: "", image_status: 1 }`)."""
    found: set[str] = set()
    parents: list[str] = []  # the rows a "- x" / "-- x" row is under (`data`, then its fields)
    for row in rows:
        name = (row.get("parameter") or row.get("field") or row.get("name") or "").strip("` ")
        nested = re.fullmatch(r"(?P<dash>-+)\s*`?(?P<name>[A-Za-z_]\w*)`?", name)
        if nested is not None and 0 < len(nested.group("dash")) <= len(parents):
            parents = [*parents[: len(nested.group("dash"))], nested.group("name")]
            found.add(".".join(parents))
            if re.fullmatch(r"array|\[\w+\]", (row.get("type") or "").strip("` ").lower()):
                found.add(".".join(parents) + "[]")
            continue
        if not re.fullmatch(r"[A-Za-z_][\w.]*", name):
            continue
        parents = [name]
        found.add(name)
        if re.fullmatch(r"array|\[\w+\]", (row.get("type") or "").strip("` ").lower()):
            found.add(f"{name}[]")
        found |= {f"{name}.{p}" for p in _cell_paths(row)}
    return found


def _cell_paths(row: dict[str, str]) -> set[str]:
    """The keys a response row's cell shows of its value: an object (`{ _id: "", status: 1 }`), a
    list of them (`[{ avatar_id: "xx", url: "" }]`) or, in the Value column, an object's inside
    (`result: [{ faceswap_status: "", url: "" }]`)."""
    found: set[str] = set()
    for column in ("value", "description"):
        text = (row.get(column) or "").strip("` ")
        if text.startswith(("{", "[")):
            found |= json_paths(text)
        elif column == "value" and re.match(r"[A-Za-z_]\w*\s*:\s*[\[{\"']", text):
            found |= json_paths("{" + text + "}")
    return found


def json_paths(text: str) -> set[str]:
    """The dotted paths of the keys of a JSON or JavaScript object literal (array items take their
    array's path), read leniently: comments, trailing commas and unquoted keys are fine."""
    paths: set[str] = set()
    stack: list[str] = []
    pending = ""
    for m in JSON_TOKEN.finditer(text):
        if m.group("key"):
            pending = (m.group("key") or "").strip("\"'")
            paths.add(".".join(k for k in (*stack, pending) if k))
        elif m.group("open"):
            if m.group("open") == "[" and pending:  # an array: its path is also given as `path[]`
                paths.add(".".join(k for k in (*stack, pending) if k) + "[]")
            stack.append(pending if stack or pending else "")
            pending = ""
        else:  # a value or a closing bracket: the next item of a list is no key's value
            pending = ""
            if m.group("close") and stack:
                stack.pop()
    return paths


def _sample_query_fields(lines: list[str]) -> list[dict[str, Any]]:
    """Query fields that the code samples of a section send (`...?video_model_id=...`)."""
    found = []
    for line in lines:
        for m in SAMPLE_URL.finditer(line):
            for pair in m.group("query").split("&"):
                name = pair.partition("=")[0]
                if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
                    found.append({"name": name, "type": "string", "required": False})
    return found


def _auth_of(lines: list[str]) -> str:
    """getToken's section has no auth header table; every other endpoint takes the API key."""
    text = "\n".join(lines)
    if re.search(r"^\|\s*\**\s*(x-api-key|Authorization)\b", text, re.M):
        return "api-key"
    return "none" if "clientSecret" in text else "api-key"


DEPRECATED_PAGE = re.compile(r"has been deprecated and is no longer available", re.I)
DEPRECATED_FIELDS = re.compile(
    r"^(?P<names>.*?) parameters? (?:has|have) been deprecated", re.I | re.M
)


def page_notes(docs: Path) -> dict[str, dict[str, Any]]:
    """What each page says of deprecation: the whole API (`deprecated`: no longer available) or
    some of its request fields (`deprecated_fields`: no longer supported)."""
    notes = {}
    for page in pages(docs):
        text = (docs / f"{page}.mdx").read_text(encoding="utf-8")
        fields = [
            name
            for m in DEPRECATED_FIELDS.finditer(text)
            for name in re.findall(r"`([A-Za-z_]\w*)`", m.group("names"))
        ]
        notes[page] = {
            "deprecated": bool(DEPRECATED_PAGE.search(text)),
            "deprecated_fields": fields,
        }
    return notes


def page_endpoints(docs: Path, page: str) -> list[dict[str, Any]]:
    """The endpoints a page documents with a "METHOD https://host/path" line, with their fields."""
    lines = (docs / f"{page}.mdx").read_text(encoding="utf-8").splitlines()
    anchors = [(i, m) for i, line in enumerate(lines) if (m := METHOD_LINE.match(line))]
    found = []
    for n, (start, m) in enumerate(anchors):
        end = anchors[n + 1][0] if n + 1 < len(anchors) else len(lines)
        section = lines[start + 1 : end]
        if section and section[0].strip() == "```":
            section = section[1:]  # the fence around the METHOD line closes
        method = m.group("method")
        found.append(
            {
                "method": method,
                "host": m.group("host"),
                "path": _normalise_path(m.group("path")),
                "auth": _auth_of(section),
                "pages": [page],
                **_section_fields(section, method),
            }
        )
    return found


def pages(docs: Path) -> list[str]:
    names = []
    for folder in PAGE_DIRS:
        for path in sorted((docs / folder).rglob("*.mdx")):
            names.append(str(path.relative_to(docs).with_suffix("")))
    return names


# -- the OpenAPI files ---------------------------------------------------------------------------


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A schema node with $ref followed and allOf merged (the OpenAPI subset AKOOL's files use)."""
    if "$ref" in node:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return resolve(spec, target)
    if "allOf" in node:
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in node["allOf"]:
            sub = resolve(spec, part)
            merged["properties"].update(sub.get("properties", {}))
            merged["required"] += sub.get("required", [])
        return merged
    return node


def _schema_field(
    spec: dict[str, Any], name: str, node: dict[str, Any], required: bool, depth: int = 0
) -> dict[str, Any]:
    node = resolve(spec, node)
    kind = node.get("type") or ("array" if "items" in node else "object")
    field: dict[str, Any] = {
        "name": name,
        "type": TYPE_NAMES.get(str(kind), "string"),
        "required": required,
    }
    if node.get("enum"):
        field["enum"] = [str(v) for v in node["enum"]]
    elif "const" in node and isinstance(node["const"], str | int | float):  # (one value: an enum)
        field["enum"] = [str(node["const"])]
    elif field["type"] == "string" and _language_codes(name, str(node.get("description") or "")):
        field["format"] = "language-code"
    if field["type"] == "string" and COMMA_LIST.search(str(node.get("description") or "")):
        field["separator"] = ","
    detect = AUTO_VALUE.search(str(node.get("description") or ""))
    if field["type"] == "string" and detect is not None:
        field["detect"] = detect.group("v")
    if field["type"] in ("integer", "number"):
        field.update(
            {b: node[b] for b in ("minimum", "maximum") if isinstance(node.get(b), int | float)}
        )
    inner = resolve(spec, node.get("items", {})) if field["type"] == "array" else node
    nested = _schema_properties(spec, inner, depth + 1) if depth < 4 else None
    if nested:
        field["fields"] = nested
    return field


def _schema_properties(
    spec: dict[str, Any], node: dict[str, Any], depth: int
) -> list[dict[str, Any]] | None:
    """The fields of an object (or of each item of an array): its properties, those of every
    variant of an anyOf/oneOf; None when it takes other keys too (additionalProperties)."""
    variants = [resolve(spec, v) for v in node.get("anyOf", []) + node.get("oneOf", [])]
    fields: dict[str, dict[str, Any]] = {}
    for part in [node, *variants]:
        if part.get("additionalProperties") not in (None, False):
            return None
        required = set(part.get("required", []))
        for name, child in part.get("properties", {}).items():
            fields.setdefault(name, _schema_field(spec, name, child, name in required, depth))
    return sorted(fields.values(), key=lambda f: f["name"]) or None


def _operation_fields(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    body = []
    content = op.get("requestBody", {}).get("content", {})
    for media in content.values():
        schema = resolve(spec, media.get("schema", {}))
        required = set(schema.get("required", []))
        for name, node in schema.get("properties", {}).items():
            body.append(_schema_field(spec, name, node, name in required))
    query = [
        _schema_field(spec, p["name"], p.get("schema", {}), bool(p.get("required")))
        for p in (resolve(spec, p) for p in op.get("parameters", []))
        if p.get("in") == "query"
    ]
    examples = [
        example
        for media in content.values()
        for example in [media.get("example")]
        + [resolve(spec, e).get("value") for e in media.get("examples", {}).values()]
        if isinstance(example, dict)
    ]
    kinds: dict[str, set[str]] = {}
    for example in examples:
        for name, found in example_kinds(json.dumps(example)).items():
            kinds.setdefault(name, set()).update(found)
    return {
        "body": body,
        "query": query,
        "response": _operation_response(spec, op),
        "example_bodies": [set(example) for example in examples],
        "example_kinds": kinds,
    }


def _operation_response(spec: dict[str, Any], op: dict[str, Any]) -> set[str]:
    """The fields of an operation's success answers: its schema's properties and its examples."""
    found: set[str] = set()
    for code, answer in op.get("responses", {}).items():
        if not str(code).startswith("2"):
            continue
        for media in resolve(spec, answer).get("content", {}).values():
            found |= _schema_paths(spec, media.get("schema", {}), "", 0)
            examples = [media.get("example")] + [
                resolve(spec, e).get("value") for e in media.get("examples", {}).values()
            ]
            for example in examples:
                found |= _value_paths(example, "")
    return found


def _schema_paths(spec: dict[str, Any], node: dict[str, Any], prefix: str, depth: int) -> set[str]:
    """The dotted paths of a schema's fields; an array's path is also given as `path[]`."""
    node = resolve(spec, node)
    if depth > 6:
        return set()
    if node.get("type") == "array" or "items" in node:
        inner = _schema_paths(spec, node.get("items", {}), prefix, depth + 1)
        return inner | ({f"{prefix}[]"} if prefix else set())
    found: set[str] = set()
    variants = [resolve(spec, v) for v in node.get("anyOf", []) + node.get("oneOf", [])]
    for part in [node, *variants]:
        for name, child in part.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            found |= {path} | _schema_paths(spec, child, path, depth + 1)
    return found


def _value_paths(value: Any, prefix: str) -> set[str]:
    """The dotted paths of an example value's keys; an array's path is also given as `path[]`."""
    if isinstance(value, list):
        inner = set().union(*(_value_paths(v, prefix) for v in value)) if value else set()
        return inner | ({f"{prefix}[]"} if prefix else set())
    if not isinstance(value, dict):
        return set()
    found: set[str] = set()
    for name, child in value.items():
        path = f"{prefix}.{name}" if prefix else str(name)
        found |= {path} | _value_paths(child, path)
    return found


def openapi_endpoints(docs: Path, bound: dict[tuple[str, str], list[str]]) -> list[dict[str, Any]]:
    """Every operation of the OpenAPI files, bound to the pages whose front matter names it."""
    found = []
    for file in sorted((docs / "openapi").glob("*.yaml")):
        spec = yaml.safe_load(file.read_text(encoding="utf-8"))
        server = re.match(r"https?://(?P<host>[^/]+)(?P<base>/.*)?", spec["servers"][0]["url"])
        assert server is not None, file
        auth = "api-key" if spec.get("security") else "none"
        for path, item in spec["paths"].items():
            for method, op in item.items():
                method = method.upper()
                found.append(
                    {
                        "method": method,
                        "host": server.group("host"),
                        "path": (server.group("base") or "") + path,
                        "auth": "none" if op.get("security") == [] else auth,
                        "pages": bound.get((method, path), []),
                        "openapi": file.name,
                        **_operation_fields(spec, op),
                    }
                )
    return found


def front_matter_bindings(docs: Path) -> dict[tuple[str, str], list[str]]:
    bound: dict[tuple[str, str], list[str]] = {}
    for page in pages(docs):
        text = (docs / f"{page}.mdx").read_text(encoding="utf-8")
        for m in FRONT_MATTER_OPENAPI.finditer(text.split("\n---", 1)[0]):
            bound.setdefault((m.group("method"), m.group("path")), []).append(page)
    return bound


# -- merging -------------------------------------------------------------------------------------


def _merge_fields(first: list[dict[str, Any]], more: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fields by name, the first source's description winning (OpenAPI before page tables)."""
    merged = {f["name"]: f for f in reversed(more)}
    for f in first:
        other = merged.get(f["name"])
        if other and f.get("enum") and other.get("enum"):  # sources that differ: either is right
            f = {**f, "enum": list(dict.fromkeys(f["enum"] + other["enum"]))}
        if other and (f.get("fields") or other.get("fields")):  # nested fields: all of them
            f = {**f, "fields": _merge_fields(f.get("fields", []), other.get("fields", []))}
        if other:  # ranges the sources state differently: the looser of them (never a guess)
            f = {**f, **_looser(f, other)}
        for stated in ("format", "separator", "detect"):  # (stated by one source)
            if other and other.get(stated) and not f.get(stated):
                f = {**f, stated: other[stated]}
        merged[f["name"]] = f
    return sorted(merged.values(), key=lambda f: f["name"])


def _looser(one: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """The bounds of a field that two sources document: a bound only one states is kept; two
    that differ give the looser one (the live face swap page's "maximum 24" frames beside the
    OpenAPI file's 100)."""
    bounds: dict[str, Any] = {}
    for bound, pick in (("minimum", min), ("maximum", max)):
        stated = [f[bound] for f in (one, other) if bound in f]
        if stated:
            bounds[bound] = pick(stated)
    return bounds


def _product(page: str) -> str:
    parts = page.split("/")
    name = parts[1] if parts[0] == "ai-tools-suite" else parts[0]
    return PRODUCT_NAMES.get(name, name.lower())


def _primary_page(path: str, bound: list[str], mentioned: list[str]) -> str:
    if path in PRIMARY_PAGE:
        return PRIMARY_PAGE[path]
    return sorted(bound)[0] if bound else sorted(mentioned)[0]


def merge(
    openapi: list[dict[str, Any]], paged: list[dict[str, Any]], notes: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    entries: dict[tuple[str, str, str], dict[str, Any]] = {}
    bound_pages: dict[tuple[str, str, str], list[str]] = {}
    for source in (*openapi, *paged):
        key = (source["method"], source["host"], source["path"])
        entry = entries.setdefault(
            key,
            {**source, "pages": [], "body": [], "query": [], "openapi": None, "response": set()},
        )
        entry["response"] |= source["response"]
        for page in source["pages"]:  # (an OpenAPI operation's answer is its bound pages')
            answers = entry.setdefault("answers", {}).setdefault(_product(page), set())
            answers |= source["response"]
        entry["example_fields"] = entry.get("example_fields", set()) | source.get(
            "example_fields", set()
        )
        entry["example_paths"] = entry.get("example_paths", set()) | source.get(
            "example_paths", set()
        )
        entry["example_bodies"] = entry.get("example_bodies", []) + source.get("example_bodies", [])
        for name, kinds in source.get("example_kinds", {}).items():
            entry.setdefault("example_kinds", {}).setdefault(name, set()).update(kinds)
        if not source.get("openapi"):  # a page's table that lists a field without requiring it
            optional = {f["name"] for f in source["body"] if not f["required"]}
            entry["optional"] = entry.get("optional", set()) | optional
        if source.get("openapi"):
            entry["openapi"] = entry["openapi"] or source["openapi"]
            bound_pages.setdefault(key, []).extend(source["pages"])
        entry["pages"] = sorted(set(entry["pages"]) | set(source["pages"]))
        entry["body"] = _merge_fields(entry["body"], source["body"])
        entry["query"] = _merge_fields(entry["query"], source["query"])
        if source["auth"] == "none" and not source.get("openapi"):
            entry["auth"] = "none"
    result = []
    for key, entry in sorted(entries.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])):
        page = _primary_page(entry["path"], bound_pages.get(key, []), entry["pages"])
        _nested_examples(entry["body"], entry["example_paths"])
        _sent_kinds(entry["body"], entry.get("example_kinds", {}))
        result.append(
            {
                "method": entry["method"],
                "path": entry["path"],
                "host": entry["host"],
                "product": _product(page),
                "auth": entry["auth"],
                "page": page,
                "pages": entry["pages"],
                "openapi": entry["openapi"],
                "body": entry["body"],
                "query": entry["query"],
                **_deprecation(entry["pages"], notes),
                # Request keys only the docs' example bodies show (no table describes them).
                "example_fields": sorted(
                    entry["example_fields"] - {f["name"] for f in entry["body"]}
                ),
                # Required fields that one of the docs' own example bodies leaves out (live avatar
                # close's `id`, whose examples send `session_id`), or that a page's table lists
                # without requiring (avatar create's `name`, required by the OpenAPI file only):
                # the audit does not count on them.
                "required_unshown": sorted(
                    set(_unshown(entry["body"], entry["example_bodies"]))
                    | (
                        {f["name"] for f in entry["body"] if f["required"]}
                        & entry.get("optional", set())
                    )
                ),
                "response": sorted(p for p in entry["response"] if not p.endswith("[]")),
                # The fields of its answers that are lists (`data` of avatar/list).
                "response_arrays": sorted(p[:-2] for p in entry["response"] if p.endswith("[]")),
                **_answers_by_product(entry.get("answers", {})),
            }
        )
    return result


def _answers_by_product(answers: dict[str, set[str]]) -> dict[str, Any]:
    """The answer fields each product's pages show for an endpoint that several products share
    (v3 video/infobymodelid: character swap's page shows `data.video_url`, its input; talking
    photo's does not), when they differ; empty otherwise."""
    shown = {p: sorted(f for f in fields if not f.endswith("[]")) for p, fields in answers.items()}
    shown = {p: fields for p, fields in shown.items() if fields}
    if len({tuple(fields) for fields in shown.values()}) < 2:
        return {}
    return {"answers_by_product": dict(sorted(shown.items()))}


def _sent_kinds(body: list[dict[str, Any]], kinds: dict[str, set[str]]) -> None:
    """Each body field's kinds of value the docs' own samples send it as (`sent_as`), a nested
    field's too (by its name, wherever the samples show it), and an array's item kind where its
    schema or its samples give one alone (`items`: knowledge docs' are objects {name, url, size},
    urls' strings)."""
    for f in body:
        shown = kinds.get(f["name"], set())
        if shown:
            f["sent_as"] = sorted(k for k in shown if not k.startswith("items:"))
        items = {k[len("items:") :] for k in shown if k.startswith("items:")}
        if f["type"] == "array" and f.get("fields"):
            items.add("object")
        if f["type"] == "array" and len(items) == 1:
            f["items"] = items.pop()
        _sent_kinds(f.get("fields", []), kinds)  # (a nested key's kinds: those of its name)


def _unshown(body: list[dict[str, Any]], examples: list[set[str]]) -> list[str]:
    return sorted(
        f["name"] for f in body if f["required"] and any(f["name"] not in e for e in examples)
    )


def _nested_examples(fields: list[dict[str, Any]], paths: set[str], prefix: str = "") -> None:
    """Keys the docs' example bodies send inside a nested field that no table or schema lists:
    documentation too, kept with the field as its `example_fields`."""
    for f in fields:
        if not f.get("fields"):
            continue
        path = f"{prefix}{f['name']}."
        shown = {p[len(path) :] for p in paths if p.startswith(path)}
        extra = {n for n in shown if re.fullmatch(r"[A-Za-z_]\w*", n)}
        extra -= {g["name"] for g in f["fields"]}
        if extra:
            f["example_fields"] = sorted(extra)
        _nested_examples(f["fields"], paths, path)


def _deprecation(pages: list[str], notes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Deprecated when every page about the endpoint says the API is no longer available (the
    image result endpoint is also on the image-generation page, so it is not)."""
    said = [notes[p] for p in pages if p in notes]
    return {
        "deprecated": bool(said) and all(n["deprecated"] for n in said),
        "deprecated_fields": sorted({f for n in said for f in n["deprecated_fields"]}),
    }


# -- what SOURCE.md says: retired paths and doubtful hosts ---------------------------------------


def retired(docs: Path, documented: set[str]) -> list[dict[str, Any]]:
    """The retired paths of SOURCE.md's table, each with the documented path that replaces it."""
    found = []
    for line in (docs / "SOURCE.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`/api/"):
            continue
        named = re.findall(r"`([^`]+)`", cells[2])
        for path in _expand(re.findall(r"`([^`]+)`", cells[0])):
            replacement = _replacement(path, named)
            found.append(
                {
                    "path": path,
                    "last_documented": cells[1],
                    # Only a path the pages document today counts as the replacement.
                    "replacement": replacement if replacement in documented else None,
                }
            )
    return sorted(found, key=lambda r: r["path"])


def _expand(paths: list[str]) -> list[str]:
    """`/a/{create,close}` stands for /a/create and /a/close."""
    out = []
    for path in paths:
        m = re.search(r"\{([^}]*,[^}]*)\}", path)
        out += (
            [path[: m.start()] + alt + path[m.end() :] for alt in m.group(1).split(",")]
            if m
            else [path]
        )
    return out


def _replacement(path: str, named: list[str]) -> str | None:
    """What the note names: a full path, a path ending in /... (same last segment), or a name
    that replaces the last segment."""
    if not named:
        return None  # a test hook that was never part of a product
    target = named[0]
    if target.endswith("/..."):
        return target[: -len("...")] + path.rsplit("/", 1)[1]
    if not target.startswith("/"):
        return path.rsplit("/", 1)[0] + "/" + target
    return target


def doubtful_hosts(docs: Path) -> list[str]:
    text = (docs / "SOURCE.md").read_text(encoding="utf-8")
    tail = text.split("look like mistakes", 1)[0].rsplit("besides", 1)[-1]
    listed = re.findall(r"`([a-z0-9.-]+\.akool\.com)`", tail)
    return sorted(h for h in listed if h not in (API_HOST, "sg3.akool.com"))


def documented_paths(docs: Path) -> list[str]:
    """Every distinct /api/open/vN/... string in the pages and OpenAPI files, as written."""
    found: set[str] = set()
    for file in sorted(docs.rglob("*")):
        if file.is_file() and file.name != "SOURCE.md":
            found |= set(OPEN_PATH.findall(file.read_text(encoding="utf-8")))
    return sorted(found)


def build(docs: Path) -> dict[str, Any]:
    bound = front_matter_bindings(docs)
    paged = [e for page in pages(docs) for e in page_endpoints(docs, page)]
    endpoints = merge(openapi_endpoints(docs, bound), paged, page_notes(docs))
    samples = curl_sample_fields(docs)
    for e in endpoints:
        if e["method"] in ("POST", "PUT", "PATCH"):
            shown = samples.get(e["path"], [])
            sent = set().union(*shown) - {f["name"] for f in e["body"]}
            e["example_fields"] = sorted(set(e["example_fields"]) | sent)
            e["required_unshown"] = sorted(
                set(e["required_unshown"]) | set(_unshown(e["body"], shown))
            )
    _fields_named_elsewhere(docs, endpoints)
    commit = re.search(r"commit `([0-9a-f]{40})`", (docs / "SOURCE.md").read_text(encoding="utf-8"))
    return {
        "generated_by": "scripts/gen_catalogue.py",
        "docs_commit": commit.group(1) if commit else None,
        "api_host": API_HOST,
        "hosts": sorted({e["host"] for e in endpoints}),
        "doubtful_hosts": doubtful_hosts(docs),
        "documented_path_strings": documented_paths(docs),
        "endpoints": endpoints,
        "retired": retired(docs, {e["path"] for e in endpoints}),
    }


# A row that names a field of another endpoint's answer and links that endpoint: "You can get the
# field（display_buttons） value from [Info By Model ID API](/ai-tools-suite/image-generate#...)".
FIELD_FROM = re.compile(
    r"\bfield\s*[（(]\s*(?P<field>[A-Za-z_]\w*)\s*[）)]\s*value from\s*"
    r"\[(?P<text>[^\]]+)\]\(/(?P<page>[\w/-]+)(?:#[\w-]*)?\)"
)


def _fields_named_elsewhere(docs: Path, endpoints: list[dict[str, Any]]) -> None:
    """Answer fields a page names in another endpoint's row (see FIELD_FROM), added under the
    linked endpoint's data: the one of the linked page whose path's last segment is the link's
    words ("Info By Model ID API": infobymodelid)."""
    for page in pages(docs):
        text = (docs / f"{page}.mdx").read_text(encoding="utf-8")
        for m in FIELD_FROM.finditer(text):
            words = re.sub(r"\bAPI\b|[^A-Za-z]", "", m.group("text")).lower()
            for e in endpoints:
                if m.group("page") in e["pages"] and e["path"].rsplit("/", 1)[-1].lower() == words:
                    field = f"data.{m.group('field')}"
                    e["response"] = sorted({*e["response"], field})
                    for shown in e.get("answers_by_product", {}).values():
                        shown[:] = sorted({*shown, field})


def render(catalogue: dict[str, Any]) -> str:
    return json.dumps(catalogue, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    docs = Path(argv[1]) if len(argv) > 1 else DEFAULT_DOCS
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    if not (docs / "SOURCE.md").is_file():
        sys.stderr.write(f"Error: {docs} does not hold AKOOL's documentation (no SOURCE.md)\n")
        return 2
    output.write_text(render(build(docs)), encoding="utf-8")
    sys.stdout.write(f"wrote {output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
