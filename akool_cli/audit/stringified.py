"""Names a script turns into a string as it sends them (`String(years)`, `years.toString()`,
`` `${years}` ``, Python's `str(n)` and `f"{n}"`, PHP's `(string)$n`, `strval($n)` and `"$n"`,
Ruby's `n.to_s` and `"#{n}"`, C#'s `$"{n}"`, the JVM's `String.valueOf(n)`): what the value of a
field the docs type as a number is, when the value is such a conversion and nothing else (tostrings.py
has the numbers written as literals)."""

from __future__ import annotations

from akool_cli.audit import rx

# A name, a member chain or a subscript of one (`years`, `opts.years`, `$this->years`,
# `args["years"]`, `$_POST['years']`): the value converted.
NAME = r"\$?[A-Za-z_][\w$]*(?:(?:\?\.|\.|->|::)[A-Za-z_$][\w$]*|\[\s*[\w\"'$.-]{1,40}\s*\])*"
CONVERSION = rx.compile(
    r"\s*(?:"
    # a converter called on it: JS's String(), Python's str(), PHP's strval(), the JVM's, .NET's, Go's
    rf"(?:String|str|strval|String\.valueOf|(?:Integer|Long|Double)\.toString|Convert\.ToString"
    rf"|strconv\.Itoa|fmt\.Sprint)\(\s*(?P<a>{NAME})\s*\)"
    # a method that makes its text: `.toString()`, `.ToString()`, Ruby's `.to_s`
    rf"|(?P<b>{NAME})\s*\.\s*(?:toString\(\s*\)|ToString\(\s*\)|to_s\b(?!\w))"
    # PHP's cast: `(string)$n`, `(string) $n`
    rf"|\(\s*string\s*\)\s*(?P<c>\${NAME})"
    # a string holding nothing but it, interpolated: JS's `${n}`, Python's f"{n}", C#'s $"{n}",
    # PHP's, Kotlin's and Perl's "$n" / "{$n}" / "${n}", Ruby's "#{n}"
    rf"|`\$\{{\s*(?P<d>{NAME})\s*\}}`"
    rf"|[fF](?P<q>[\"'])\{{\s*(?P<e>{NAME})\s*\}}(?P=q)"
    rf"|\$\"\{{\s*(?P<f>{NAME})\s*\}}\""
    rf"|\"(?:\{{\s*(?P<g>\${NAME})\s*\}}|\$\{{\s*(?P<h>{NAME})\s*\}}|(?P<i>\${NAME}))\""
    rf"|\"#\{{\s*(?P<j>{NAME})\s*\}}\""
    r")\s*"
)


def converted_name(value: str) -> str | None:
    """The name a field's value turns into a string, when the value is that conversion alone
    (None: a literal, a name sent as it is, anything else). A number written in it is
    tostrings.py's (`String(10)`)."""
    if len(value) > 200 or not any(c in value for c in "(`{$#s"):
        return None
    m = CONVERSION.fullmatch(value)
    if m is None:
        return None
    name = next(g for g in m.groups() if g is not None and g not in "\"'")
    return None if name.lstrip("$").isdigit() else name
