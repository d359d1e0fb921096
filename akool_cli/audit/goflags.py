"""Go's command-line flags as a field's value (the fallbacks module's options, in Go): the default
a flag gives the variable it fills, whether the flag package declares it (`flag.String("resolution",
"720p", "usage")`, `flag.StringVar(&res, "resolution", "720p", "usage")`) or spf13's pflag and a
cobra command's flag set does (`cmd.Flags().StringVarP(&res, "resolution", "r", "720p", "")`,
`cmd.Flags().StringP("resolution", "r", "720p", "")`): a script sends what the user did not give."""

from __future__ import annotations

import re
from functools import lru_cache

from akool_cli.audit import rx

# The flag sets a Go program declares its flags on: the flag package's and pflag's own, and a
# cobra command's (`cmd.Flags()`, `cmd.PersistentFlags()`, `rootCmd.LocalFlags()`) or a FlagSet
# held in a name (`fs := flag.NewFlagSet(...)`: `fs.String(...)`).
FLAG_SET = r"(?:\b(?:flag|pflag)|\.(?:Flags|PersistentFlags|LocalFlags)\(\s*\)|\bfs)"
KINDS = r"(?:String|Int|Int64|Int32|Uint|Uint64|Float64|Float32|Bool|Duration)"
KEY = r"[\"'][\w.:-]+[\"']"
SHORTHAND = r"[\"']\w?[\"']"
# The text before a flag's default: `flag.String("res", `, `cmd.Flags().StringP("res", "r", `
# (its one-letter shorthand is no value).
DEFAULT_BEFORE = rx.compile(
    FLAG_SET + r"\." + KINDS + r"\(\s*" + KEY + r"\s*,\s*$"
    r"|" + FLAG_SET + r"\." + KINDS + r"P\(\s*" + KEY + r"\s*,\s*" + SHORTHAND + r"\s*,\s*$"
)
# The text before a flag's name and its shorthand, which are not values.
KEY_BEFORE = rx.compile(
    FLAG_SET + r"\." + KINDS + r"(?:Var)?P?\(\s*(?:&[\w.]+\s*,\s*)?$"
    r"|" + FLAG_SET + r"\." + KINDS + r"(?:Var)?P\(\s*(?:&[\w.]+\s*,\s*)?" + KEY + r"\s*,\s*$"
)
NEAR = 120  # (the end of the text before a literal that the patterns are tried on)


def default_before(before: str) -> bool:
    """Whether a literal after this text is a flag's default (see DEFAULT_BEFORE); asked where
    the text names a flag set (`flag.`, `Flags()`, `fs.`: the callers' cheap test first)."""
    return DEFAULT_BEFORE.search(before[-NEAR:]) is not None


def key_before(before: str) -> bool:
    """Whether a literal after this text is a flag's name or shorthand (see KEY_BEFORE)."""
    return KEY_BEFORE.search(before[-NEAR:]) is not None


WORDS = ("Var(", "VarP(")


@lru_cache(maxsize=256)
def _filled(name: str) -> re.Pattern[str]:
    """A flag declared to fill the variable `name` (given by address), up to its default."""
    return re.compile(
        FLAG_SET
        + r"\."
        + KINDS
        + r"Var(?P<p>P)?\(\s*&(?:[\w.]+\.)?"
        + re.escape(name)
        + r"\s*,\s*"
        + KEY
        + r"\s*,\s*(?(p)"
        + SHORTHAND
        + r"\s*,\s*)"
    )


def filled_defaults(text: str, name: str) -> list[int]:
    """Where the defaults of the flags that fill the variable `name` start (`flag.StringVar(&res,
    "resolution", "720p", ...)`: "720p"'s offset)."""
    if not any(word in text for word in WORDS) or name not in text:
        return []
    return [m.end() for m in _filled(name).finditer(text)]
