"""Names that hold a path on the script's own machine (`ROOT="$(cd "$(dirname "$0")" && pwd)"`,
`OUT = os.path.join(...)`, `const dir = path.join(__dirname, "out")`, `$HOME`), and the names made
from them (`DIR="$ROOT/content/x"`): a path joined to one is a file, never an AKOOL call."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# Where a value comes from the local file system, in the languages the audit reads.
LOCAL_SOURCE = rx.compile(
    r"\$\(\s*(?:cd|pwd|dirname|mktemp|realpath|readlink|basename)\b|`\s*(?:pwd|dirname|mktemp)\b"
    r"|\$\{?(?:HOME|PWD|OLDPWD|TMPDIR|XDG_\w+|BASH_SOURCE|0)\b|(?<![\w/])~/"
    r"|\bos\.path\.|\bpathlib\b|\bPath\s*\(|\bPath\.(?:home|cwd|of|Combine|GetTempPath|GetDirectoryName"
    r"|GetFullPath|join|resolve|dirname)\b|__file__|\bos\.getcwd\(|\btempfile\.|\bos\.(?:homedir|tmpdir)\("
    r"|__dirname|__filename|\bpath\.(?:join|resolve|dirname|normalize)\(|\bprocess\.cwd\(|fileURLToPath"
    r"|\bos\.(?:Getwd|UserHomeDir|TempDir|MkdirTemp|CreateTemp)\(|\bfilepath\.\w+\("
    r"|\bPaths\.get\(|\bnew\s+File\(|user\.(?:dir|home)|\bFiles\.createTemp"
    r"|\bDirectory\.GetCurrentDirectory|\bAppContext\.BaseDirectory|\bEnvironment\.CurrentDirectory"
    r"|__DIR__|\bdirname\(|\bsys_get_temp_dir\(|\bgetcwd\(|\bFile\.(?:dirname|expand_path|join)\b"
    r"|\bDir\.(?:pwd|tmpdir|home)\b|__dir__"
    r"|[\"'](?:HOME|USERPROFILE|TMPDIR|TEMP|TMP|PWD)[\"']"  # os.environ["HOME"], os.Getenv("TMPDIR")
    r"|^\s*[\"'`]?(?:\.{1,2}/|/(?:tmp|home|var|Users|mnt|opt|srv|workspace)(?:/|[\"'`]|$))"  # "./out"
)
# Names that are the local file system in themselves.
BUILT_IN = frozenset(
    {"HOME", "PWD", "OLDPWD", "TMPDIR", "BASH_SOURCE", "__dirname", "__filename", "__DIR__"}
    | {"__dir__", "__file__"}
)
# name = value (shell, Python, JS/TS, Go, Java, Kotlin, C#, PHP, Ruby), and Go's `dir, err := ...`
BINDING = re.compile(
    r"^\s*(?:(?:export|local|readonly|declare|const|let|var|val|final|static|private|public"
    r"|protected|String|string|Path|File|auto)\s+)*\$?(?P<n>[A-Za-z_]\w*)(?:\s*,\s*\w+)?"
    r"\s*(?::\s*[\w.<>\[\]|]+\s*)?(?::=|=(?![=>~]))\s*(?P<rhs>.*)$"
)
# A call that reads or parses what a file holds: a value made with one is the file's contents (a
# config's settings, `cfg = yaml.safe_load(open(os.path.join(os.path.dirname(__file__), "c.yaml")))`,
# `JSON.parse(fs.readFileSync(path.join(__dirname, "c.json")))`), not a path on the machine.
READ_CALL = rx.compile(
    r"\b(?:open|load|loads|safe_load|full_load|read|read_text|read_bytes|readFileSync|readFile"
    r"|ReadFile|file_get_contents|parse|Parse|decode|Unmarshal|load_file|parse_file|dotenv_values"
    r"|config_from_file|from_file|fromFile|readText|readAllText|ReadAllText|readString)\s*\("
)
DERIVED_ROUNDS = 3  # `DIR="$ROOT/x"`, then `OUT="$DIR/y"`: names made from names made from one


def local_names(lines: list[str]) -> frozenset[str]:
    """The names a file binds to a local path, directly or made from another such name."""
    found = set(BUILT_IN)
    bindings: list[tuple[str, str]] = []
    for line in lines:
        if "=" not in line or len(line) > 2000:
            continue
        m = BINDING.match(line)
        if m is None or "://" in m.group("rhs"):
            continue
        if LOCAL_SOURCE.search(m.group("rhs")) and not READ_CALL.search(m.group("rhs")):
            found.add(m.group("n"))
        else:
            bindings.append((m.group("n"), m.group("rhs")))
    for _ in range(DERIVED_ROUNDS):
        more = {n for n, rhs in bindings if n not in found and _made_from(rhs, found)}
        if not more:
            break
        found |= more
    return frozenset(found)


def _made_from(rhs: str, names: set[str]) -> bool:
    """A value that starts with a local name: `"$ROOT/x"`, `f"{out}/y"`, `dir + "/z"`."""
    m = re.match(r"\s*[fr]?[\"'`]?\s*(?:\$\{|\{|\$|#\{)?(?P<n>[A-Za-z_]\w*)", rhs)
    return m is not None and m.group("n") in names


# A name that says it holds a file or a folder: OUT_DIR, downloadFolder, tmp_file, cacheDir
FILE_WORDS = rx.compile(
    r"(?i)(?:^|_|(?<=[a-z])(?=[A-Z]))(?:dir|dirs|directory|folder|file|filename|filepath|tmp|temp"
    r"|tmpdir|cache|workspace|workdir)(?:$|_|(?=[A-Z]))"
)


def names_a_file(name: str) -> bool:
    return bool(FILE_WORDS.search(name))
