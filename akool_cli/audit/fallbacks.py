"""Values a request field takes from outside the script, for the value rules: the literal a read
of the environment or a config falls back to (`os.getenv("RES", "720p")`, `cfg.get("res",
"720p")`, `${RES:-720p}`), a command-line option's default and choices (argparse's
`add_argument("--resolution", default="720p", choices=[...])` read as `args.resolution`,
click's `@click.option`, commander's and yargs' `.option(...)`, Go's `flag.String` and its
pflag/cobra kin: goflags.py), and a string that is wholly an interpolation (`"$RES"`, `` `${res}` ``),
which is the value of the name it holds, not a literal."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from akool_cli.audit import brackets, goflags, rx

if TYPE_CHECKING:
    from akool_cli.audit.fields import Text

# A lookup whose second argument is what it gives when the key is unset, right before that
# argument: `os.getenv("RES", `, `os.environ.get("RES", `, `settings.get("res", `,
# `System.getenv().getOrDefault("RES", `, `ENV.fetch("RES", `, `env_or("RES", `, `getEnv("RES", `.
LOOKUP = (
    r"(?:\bgetenv|\.get|\bgetOrDefault|\bfetch|\b\w*[Ee]nv\w*|\bGetEnvironmentVariable|\bconfig"
    r"|\bgetProperty"
    # Go's flag package: `flag.String("resolution", "720p", "usage")`, its default second
    r"|\bflag\.(?:String|Int|Int64|Uint|Uint64|Float64|Bool|Duration))\(\s*"
)
DEFAULT_BEFORE = rx.compile(
    LOOKUP + r"[\"'][\w.:-]+[\"']\s*,\s*$"
    # a typer parameter's default: `scale: str = typer.Option("16:10", help=...)`, `default=`
    r"|\b(?:typer\.)?(?:Option|Argument)\(\s*(?:default\s*=\s*)?$"
)
KEY_BEFORE = rx.compile(LOOKUP + "$")  # getenv("RESOLUTION"): the key, not a value
# A string that is all one interpolation: `$RES`, `${RES}`, `${RES:-720p}` (its fallback),
# `${res}` in a template literal, `{res}` in an f-string.
WHOLE = rx.compile(
    r"\$(?P<n>[A-Za-z_]\w*)|\$[\d@*#?]|\$\{(?P<b>[A-Za-z_]\w*|\d+)(?::?[-=](?P<f>[^{}$\"'`]*))?\}"
    r"|\{(?P<p>[A-Za-z_]\w*)\}"
)
# An interpolation anywhere in a string: `$RES`, `${3:-720}`, `$(cat f)`, a backtick command,
# `{res}`, a positional format slot (Python's `"{}"`, `"{2}"`, `"{:>4}"`; C#'s `"{0}"`), a printf
# slot (`"%s" % res`, `"%(s)s" % {"s": res}`, Ruby's `"%<s>s"`, `"%-8s"`, `"%.1f"`, Go's `"%v"`).
HOLE = rx.compile(
    r"\$[{(A-Za-z_\d@*#?]|\{[A-Za-z_\d:!}]|`"
    r"|%(?:\([A-Za-z_]\w*\)|<[A-Za-z_]\w*>)?[-+ #0]*\d*(?:\.\d+)?[sdrifvq]"
)
# A placeholder a README writes for a value: `<720|1080>`, `...`, `YOUR_RESOLUTION`, `{{res}}`.
PLACEHOLDER = rx.compile(
    r"\s*(?:<[^<>]+>|\.\.\.|…|(?:YOUR|MY)_[A-Z0-9_]+|\{\{[^{}]*\}\}|\[[A-Z][A-Z0-9_ ]*\])\s*"
)
# An argparse option or a click option: where its call opens, and the option's own name.
OPTION = rx.compile(
    r"\b(?:add_argument|click\.option|typer\.Option)\(\s*(?:[\"']-\w[\"']\s*,\s*)?"
    r"[\"']--(?P<n>[A-Za-z_][\w-]*)[\"']"
    r"(?:\s*,\s*[\"'](?P<dest>[A-Za-z_]\w*)[\"'])?"  # (click's own parameter name after its flags)
)
# (click's `type=click.Choice([...])` lists the choices as argparse's `choices=` does)
OPTION_VALUE = rx.compile(r"\b(?P<k>default|choices|type\s*=\s*click\.Choice\()\s*=?\s*")
ELEMENT = rx.compile(r"\"[^\"\n]*\"|'[^'\n]*'|(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")


# A command-line option of Node's commander (`.option("-r, --resolution <r>", "usage", "720p")`:
# its default after its description) or yargs (`.option("resolution", { default: "720p",
# choices: [...] })`): where its call opens and the option's own name.
JS_OPTION = rx.compile(
    r"\.(?:option|requiredOption)\(\s*(?P<q>[\"'`])(?:-\w,?\s*)?(?:--)?(?P<n>[A-Za-z_][\w-]*)"
    r"(?:\s*[<\[][^\"'`\n]*)?(?P=q)\s*,\s*"
)
JS_OPTION_VALUE = rx.compile(r"\b(?P<k>default|choices)\s*:\s*")
# (commander's description, then the default)
JS_DESCRIPTION = rx.compile(r"(?P<q>[\"'`])[^\"'`\n]*(?P=q)\s*,\s*")


# A literal among the options a UI offers, which are the values the name it is bound to may take:
# Streamlit's `st.selectbox("Aspect ratio", ["1:1", "16:9"])` (also `radio`, `select_slider`,
# `pills`, `segmented_control`, on `st`, `st.sidebar` or a column), options given as a list or a
# tuple, in place or as `options=`.
SCALAR = r"(?:\"[^\"\n]*\"|'[^'\n]*'|-?\d+(?:\.\d+)?)"
CHOICE_BEFORE = rx.compile(
    r"\.(?:selectbox|radio|select_slider|pills|segmented_control)\(\s*(?:label\s*=\s*)?"
    rf"{SCALAR}\s*,\s*(?:options\s*=\s*)?[\[(](?:\s*{SCALAR}\s*,)*\s*$"
)
UI_CHOICES = ("selectbox(", "radio(", "select_slider(", "pills(", "segmented_control(")


def default_argument(before: str) -> bool:
    """Whether the text before a literal makes it a lookup's fallback (DEFAULT_BEFORE) or one of
    the options a UI offers the name it is bound to (CHOICE_BEFORE)."""
    if DEFAULT_BEFORE.search(before[-120:]) is not None:
        return True
    if ("lag" in before or "fs." in before) and goflags.default_before(before):
        return True  # (Go's flags: `cmd.Flags().StringP("res", "r", `)
    return any(c in before for c in UI_CHOICES) and CHOICE_BEFORE.search(before[-600:]) is not None


def lookup_key(before: str) -> bool:
    """Whether a literal after this text is the key a lookup reads (`getenv("RES")`)."""
    if KEY_BEFORE.search(before[-60:]) is not None:
        return True
    return ("lag" in before or "fs." in before) and goflags.key_before(before)  # (Go's flags)


def whole_interpolation(value: str) -> re.Match[str] | None:
    """The interpolation a string's text is made of alone, if it is ("720p" is none)."""
    return WHOLE.fullmatch(value)


def placeholder(value: str) -> bool:
    """Whether a string's text is a placeholder for a value (PLACEHOLDER), not a value."""
    return PLACEHOLDER.fullmatch(value) is not None


def interpolated(value: str) -> bool:
    """Whether a string's text holds an interpolation: it is no literal value then."""
    return HOLE.search(value) is not None


def value_end(text: str, start: int, most: int = 400) -> int:
    """Where a value written at `start` ends: at a `,`, `;`, newline or a closing bracket
    outside the brackets it opens (`os.environ.get("R") or "1080p"` is one value)."""
    return brackets.walk(text, start, min(len(text), start + most), ",;", anywhere="\n")


def option_values(doc: Text, name: str) -> list[tuple[int, int]]:
    """The spans of the default and the choices of the command-line option `--name` (its dashes
    as `_`), where the file declares one: the values a script reading `args.name` may send."""
    found: list[tuple[int, int]] = []
    if ".option(" in doc.text or ".requiredOption(" in doc.text:
        found += _js_option_values(doc, name)
    if "gr." in doc.text and ("Dropdown(" in doc.text or "Radio(" in doc.text):
        found += _gradio_choices(doc, name)
    if doc.language == "go":  # `flag.StringVar(&res, "resolution", "720p", ...)`: res's default
        found += ((at, value_end(doc.text, at)) for at in goflags.filled_defaults(doc.text, name))
    if "--" not in doc.text or name not in doc.text.replace("-", "_"):
        return found
    for m in OPTION.finditer(doc.text):
        if (m.group("dest") or m.group("n").replace("-", "_")) != name:
            continue
        around = doc.paren_around(m.end())
        if around is None:
            continue
        for v in OPTION_VALUE.finditer(doc.text, m.end(), around[1]):
            if doc.paren_around(v.start()) != around:
                continue
            end = value_end(doc.text, v.end())
            if v.group("k") == "default":
                found.append((v.end(), end))
            else:  # choices=["720p", "1080p"]: each element
                found += (e.span() for e in ELEMENT.finditer(doc.text, v.end(), end))
    return found


# An option declared a boolean flag: argparse's `action="store_true"` (or `store_false`), click's
# `is_flag=True`: what it gives is True or False, whatever the file sends it as.
FLAG_KIND = rx.compile(r"\baction\s*=\s*[\"']store_(?:true|false)[\"']|\bis_flag\s*=\s*True\b")


def boolean_flag(doc: Text, name: str) -> int | None:
    """Where the command-line option read as `name` (`args.enhance`, click's `enhance`) is
    declared a boolean flag (see FLAG_KIND): the offset of what says so; None for another."""
    if "store_" not in doc.text and "is_flag" not in doc.text:
        return None
    for m in OPTION.finditer(doc.text):
        if (m.group("dest") or m.group("n").replace("-", "_")) != name:
            continue
        around = doc.paren_around(m.end())
        flag = FLAG_KIND.search(doc.text, m.end(), around[1]) if around is not None else None
        if flag is not None:
            return flag.start()
    return None


def _js_option_values(doc: Text, name: str) -> list[tuple[int, int]]:
    """The spans of the default and the choices of a commander or yargs option read as
    `opts.name` / `argv.name` (commander names `--output-res` `outputRes`; see JS_OPTION)."""
    found: list[tuple[int, int]] = []
    for m in JS_OPTION.finditer(doc.text):
        flag = m.group("n")
        if name not in (flag.replace("-", "_"), re.sub(r"-(\w)", lambda c: c[1].upper(), flag)):
            continue
        around = doc.paren_around(doc.text.index("(", m.start()) + 1)
        if around is None:
            continue
        described = JS_DESCRIPTION.match(doc.text, m.end())
        if described is not None and described.end() < around[1]:  # commander: the third
            found.append((described.end(), value_end(doc.text, described.end())))
            continue
        if doc.text.startswith("{", m.end()):  # yargs: `{ default: "720p", choices: [...] }`
            for v in JS_OPTION_VALUE.finditer(doc.text, m.end(), around[1]):
                end = value_end(doc.text, v.end())
                if v.group("k") == "default":
                    found.append((v.end(), end))
                else:
                    found += (e.span() for e in ELEMENT.finditer(doc.text, v.end(), end))
    return found


# Gradio's wiring of a function to its inputs (`gr.Interface(run, [gr.Textbox(), gr.Dropdown([...])])`,
# `btn.click(fn=run, inputs=[photo, res])`): the component at a parameter's place gives its value.
GRADIO_WIRING = rx.compile(
    r"(?:\bgr\.Interface|\bgradio\.Interface|\.click|\.submit|\.change)\(\s*(?:fn\s*=\s*)?"
    r"(?P<f>[A-Za-z_]\w*)\s*,"
)
GRADIO_INPUTS = rx.compile(r"\s*(?:inputs\s*=\s*)?\[|[^\[\]]*?\binputs\s*=\s*\[")
# A component offering choices, and its list (`gr.Dropdown(["720", "1080"])`, `choices=[...]`).
GRADIO_CHOICE = rx.compile(
    r"\s*(?:gr|gradio)\.(?:Dropdown|Radio)\(\s*(?:label\s*=\s*[\"'][^\"'\n]*[\"']\s*,\s*)?"
    r"(?:choices\s*=\s*)?\["
)


def _gradio_choices(doc: Text, name: str) -> list[tuple[int, int]]:
    """The choices of the Gradio component wired to the parameter `name` of a function of the file
    (see GRADIO_WIRING): each literal of its list, of every wiring."""
    found: list[tuple[int, int]] = []
    for m in GRADIO_WIRING.finditer(doc.text):
        place = _parameter_place(doc.text, m.group("f"), name)
        opened = GRADIO_INPUTS.match(doc.text, m.end())
        if place is None or opened is None:
            continue
        items = _elements(doc.text, opened.end() - 1)
        if place >= len(items):
            continue
        item = doc.text[items[place][0] : items[place][1]].strip()
        if re.fullmatch(r"[A-Za-z_]\w*", item):  # a component held in a name
            bound = re.search(rf"^[ \t]*{item}\s*=(?!=)", doc.text, re.M)
            items[place] = (bound.end(), bound.end()) if bound else items[place]
        choice = GRADIO_CHOICE.match(doc.text, items[place][0])
        if choice is not None:
            end = brackets.matching(doc.text, choice.end() - 1, 1, len(doc.text))
            found += (e.span() for e in ELEMENT.finditer(doc.text, choice.end(), max(end, 0)))
    return found


def _parameter_place(text: str, function: str, name: str) -> int | None:
    """Where `name` stands among the parameters of the file's `def function(...)`, if it does."""
    m = re.search(rf"\bdef\s+{re.escape(function)}\s*\(([^()]*)\)", text)
    if m is None:
        return None
    names = [re.split(r"[:=]", p)[0].strip() for p in m.group(1).split(",")]
    return names.index(name) if name in names else None


def _elements(text: str, opened: int) -> list[tuple[int, int]]:
    """The spans of a list's elements, the list's `[` at `opened` (commas inside brackets kept)."""
    end = brackets.matching(text, opened, 1, min(len(text), opened + 4000))
    spans, at = [], opened + 1
    while 0 <= at < end:
        stop = brackets.walk(text, at, end, ",")
        spans.append((at, stop))
        at = stop + 1
    return spans


# A conversion to a number that a value is written inside (`int(os.environ.get("N", "5") or "5")`,
# `Number(process.env.N ?? "5")`, `Integer.parseInt(...)`, `strconv.Atoi(...)`), read backwards
# from the value up to the conversion's unclosed `(`; or after it (Kotlin's `(... ?: "5").toInt()`).
CONVERTED_BEFORE = rx.compile(
    r"(?:\bint|\bfloat|\bNumber|\bparseInt|\bparseFloat|\bInteger\.(?:parseInt|valueOf)"
    r"|\bLong\.parseLong|\bDouble\.parseDouble|\bstrconv\.Atoi|\bint\.Parse|\bConvert\.ToInt32)"
    r"\((?:[^()\n]|\([^()\n]*\))*(?:\w\([^()\n]*)?$"
)
CONVERTED_AFTER = rx.compile(r"[^()\n]{0,60}?\)*\s*\.(?:toInt|toLong|toDouble|to_i|to_f)\b")


@lru_cache(maxsize=8)
def _converts(text: str) -> bool:
    """Whether a file converts anything to a number at all (see CONVERTED_BEFORE), asked once."""
    return any(w in text for w in CONVERSION_WORDS)


CONVERSION_WORDS = (
    "int(",
    "float(",
    "Number(",
    "parse",
    "valueOf(",
    "Atoi(",
    "Parse(",
    "ToInt32(",
    ".to",
)


def converted(text: str, offset: int, width: int) -> bool:
    """Whether the literal at `offset` is made a number before it is sent (see CONVERTED_BEFORE)."""
    window = text[max(0, offset - 120) : offset]
    if not _converts(text) or not any(w in window for w in CONVERSION_WORDS):
        return CONVERTED_AFTER.match(text, offset + width) is not None if _converts(text) else False
    if CONVERTED_BEFORE.search(text, max(0, offset - 120), offset):
        return True
    return CONVERTED_AFTER.match(text, offset + width) is not None
