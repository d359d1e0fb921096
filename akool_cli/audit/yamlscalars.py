"""YAML's plain scalars that are not strings, as the YAML 1.1 readers of Ansible, PyYAML and Go's
yaml.v2 resolve them (`true`, `yes`, `Off`, `2`, `0x1f`, `1.5`, `~`): the JSON text of the value each
is sent as, so a typed field written bare is judged as the boolean or number it is, not a string."""

from __future__ import annotations

from akool_cli.audit import rx

# YAML 1.1's booleans, in the three spellings its resolver accepts (`yes`, `Yes`, `YES`; not `yEs`).
BOOLEANS = {
    spelling: text
    for word, text in (
        ("true", "true"),
        ("yes", "true"),
        ("on", "true"),
        ("false", "false"),
        ("no", "false"),
        ("off", "false"),
    )
    for spelling in (word, word.capitalize(), word.upper())
}
NULLS = frozenset({"~", "null", "Null", "NULL"})
# YAML 1.1's integers and floats, as PyYAML's resolver writes them (`08` is neither: a string).
INT = rx.compile(
    r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*|[1-9][0-9_]*(?::[0-5]?[0-9])+)"
)
FLOAT = rx.compile(
    r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


def json_text(plain: str) -> str | None:
    """The JSON text of a plain (unquoted) scalar that YAML 1.1 reads as a boolean, a null, an
    integer or a float (`yes`: `true`, `0x1f`: `31`, `1_000`: `1000`); None for a string. A float
    JSON has no text for (`.inf`, `.nan`) is given as the name `Infinity` or `NaN`: a value the
    audit does not judge, never a string."""
    if len(plain) > 64:  # (no number or keyword is this long: a sentence is not parsed)
        return None
    if plain in BOOLEANS:
        return BOOLEANS[plain]
    if plain in NULLS:
        return "null"
    if INT.fullmatch(plain):
        return str(_int(plain.replace("_", "")))
    if FLOAT.fullmatch(plain):
        return _float(plain.replace("_", "").lower())
    return None


def _int(text: str) -> int:
    sign, digits = (-1, text[1:]) if text[:1] == "-" else (1, text.lstrip("+"))
    if ":" in digits:  # (sexagesimal: `1:30` is 90)
        value = 0
        for part in digits.split(":"):
            value = value * 60 + int(part)
        return sign * value
    if digits.startswith(("0b", "0x")):
        return sign * int(digits[2:], 2 if digits[1] == "b" else 16)
    if len(digits) > 1 and digits[0] == "0":
        return sign * int(digits, 8)
    return sign * int(digits)


def _float(text: str) -> str:
    if text.endswith("nan"):
        return "NaN"
    if text.endswith("inf"):
        return "-Infinity" if text[0] == "-" else "Infinity"
    sign, digits = (-1.0, text[1:]) if text[:1] == "-" else (1.0, text.lstrip("+"))
    if ":" in digits:
        value = 0.0
        for part in digits.split(":"):
            value = value * 60 + float(part)
        return repr(sign * value)
    return repr(sign * float(digits))
