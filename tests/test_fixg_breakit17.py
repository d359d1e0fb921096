"""Break-it round 17 (break17j/k: K4, K2, J1, J3, K1, K3, J2, K6): a callback's id is an id, a
store's password is never kept nor sent on, a folder name that is not UTF-8 never ends a billed
job in a crash, and the library's and the CLI's rules agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.core import callbacks, contract
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from tests.conftest import Isolation
from tests.support.hooks import receiving
from tests.support.runner import invoke
from tests.test_key_destinations import PROD_KEY, prod  # noqa: F401 (a fixture)
from tests.test_products import sent


def _talk(image: str) -> str:
    return invoke(["talk", f"https://e.com/{image}.jpg", "https://e.com/b.mp3"]).stdout.strip()


@pytest.mark.parametrize("forged", ["../{job}", "{job}/../../../outside/pwn", "{job}\n", ""])
def test_a_callback_whose_id_is_not_an_id_is_refused_400(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, forged: str
) -> None:
    """K4: `../<job>` is not a job made elsewhere: 400 and one line, nothing saved under the
    real job's file name, nothing recorded or printed as an event."""
    import httpx2

    import akool_cli

    job = _talk("real")
    outdir = isolated.tmp / "hooked"
    rejected: list[str] = []
    video = f"{api_env.base_url}/_sandbox/files/{job}.mp4"
    payload = {"_id": forged.format(job=job), "status": 3, "type": "talking photo", "url": video}
    body = callbacks.seal(payload, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, 1, "7")
    with receiving(outdir, monkeypatch, rejected, rejected) as (server, events):
        assert httpx2.post(server.url, json=body).status_code == 400
    assert events == [] and len(rejected) == 1
    assert rejected[0].startswith("not a genuine AKOOL callback: the payload's _id ")
    assert job not in rejected[0] and "\n" not in rejected[0]
    assert list(outdir.iterdir()) == []
    with akool_cli.Client() as client:
        assert not client.journal.callback_handled(forged.format(job=job), 3)


def test_webhook_verify_of_a_forged_id_exits_12(monkeypatch: pytest.MonkeyPatch) -> None:
    """K4: `webhook verify` says the same of such a body (exit 12), without echoing the id."""
    import json

    payload = {"_id": "../64dd90f9f0b6684651e90d60", "status": 3, "type": "talking photo"}
    body = callbacks.seal(payload, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, 1, "7")
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", SANDBOX_CLIENT_SECRET)
    result = invoke(["webhook", "verify"], input=json.dumps(body), expect=12)
    assert "_id is not an AKOOL job id" in result.stderr and "../" not in result.stderr


@pytest.fixture
def latin1_cwd(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The working directory is a folder whose name is Latin-1, not UTF-8 (an old archive)."""
    import os

    folder = os.path.join(os.fsencode(isolated.tmp), b"caf\xe9")
    os.mkdir(folder)
    monkeypatch.chdir(os.fsdecode(folder))  # a str with surrogates, as Python gives it
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ["talk", "https://e.com/a.jpg", "https://e.com/b.mp3", "-o", "v.mp4"],
        ["talk", "https://e.com/a.jpg", "https://e.com/b.mp3", "-o", "out/"],
        ["batch", "rows.csv", "-o", "out/"],
        ["talk", "a.png", "https://e.com/b.mp3", "--upload-to", "s3://bucket/in/"],
        ["sync", "-o", "saved/"],
    ],
    ids=["talk-file", "talk-folder", "batch", "upload", "sync"],
)
def test_a_folder_whose_name_is_not_utf8_is_refused_before_billing(
    api_env: Sandbox, latin1_cwd: bytes, args: list[str]
) -> None:
    """J1: the job was billed and saved, then "unexpected UnicodeEncodeError" (exit 1), the
    download never recorded. Now: exit 2 before anything is sent, the folder shown escaped."""
    import os

    with open(os.path.join(latin1_cwd, b"rows.csv"), "w") as rows:
        rows.write(
            "id,image_url,audio_url,output\nr1,https://e.com/a.jpg,https://e.com/b.mp3,a.mp4\n"
        )
    with open(os.path.join(latin1_cwd, b"a.png"), "wb") as image:
        image.write(b"\x89PNG\r\n\x1a\n" + bytes(200))
    result = invoke(args, expect=2)
    assert "caf\\xe9" in result.stderr and "is not valid UTF-8" in result.stderr
    assert "unexpected" not in result.stderr and api_env.state.jobs == {}
    assert invoke(["status", "--json"]).stdout.strip() == "[]"


@pytest.mark.parametrize("follow", [["--wait"], ["-o", "out/"]])
def test_a_json_timeout_after_a_create_names_the_job_in_a_field(
    api_env: Sandbox, follow: list[str]
) -> None:
    """J3: `talk --json … --timeout 2s` (exit 7) named the job made only in the hint's prose;
    `jq -r .error.job_id` is the id to resume with, without paying again."""
    import json

    args = ["talk", "--json", "https://e.com/t.jpg", "https://e.com/b.mp3", "--timeout", "2s"]
    result = invoke([*args, *follow], expect=7)
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "WaitTimeoutError" and error["job_id"] in api_env.state.jobs
    assert f"akool watch {error['job_id']}" in error["hint"]


def test_voice_clone_and_avatar_add_take_the_label_every_product_takes(api_env: Sandbox) -> None:
    """K1: `voice_clone(url, name="label")` raised a bare TypeError from inside (make() got
    multiple values for 'name'): `name` is the history's label, as for every product."""
    import akool_cli

    with akool_cli.Client() as client:
        voice = client.voice_clone("https://e.com/v.mp3", name="lbl", check=False)
        both = client.voice_clone("https://e.com/w.mp3", voice_name="v", name="lbl2", check=False)
        avatar = client.avatar_add("https://e.com/me.mp4", "Me", name="mine", check=False)
        plain = client.voice_clone("https://e.com/x.mp3", "Voice", check=False)
        records = [client.journal.get(job.id) for job in (voice, both, avatar, plain)]
    assert [r.label if r else None for r in records] == ["lbl", "lbl2", "mine", "Voice"]
    names = [body.get("name") for body in sent(api_env, contract.VOICE_CLONE)]
    assert names == [None, "v", "Voice"]


NAMES_OF_ANY_SCRIPT = [
    "café.mp4",
    "josé-1.mp4",
    "é.mp4",
    "видео.mp4",
    "動画_2.mp4",
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.mp4",  # Persian, with its non-joiner (J18)
    "\u0915\u094d\u200d\u0937.mp4",  # a Devanagari conjunct with a joiner
]
HOSTILE_NAMES = [
    "evil\u202egnp.mp4",
    "a\u2066b.mp4",
    "zero\u200bwidth.mp4",
    "bom\ufeff.mp4",
    "c\x85.mp4",
]


def test_one_name_rule_for_batch_rows_and_talk_o(api_env: Sandbox, isolated: Isolation) -> None:
    """J2: a batch row's `café.mp4` was refused while `talk -o café.mp4` (and even an RTL
    override) was accepted. One rule now: letters of any script, never a control or format
    character (bidirectional overrides and isolates, zero-width characters, a BOM)."""
    rows = isolated.tmp / "rows.csv"
    lines = [
        f"r{i},https://e.com/{i}.jpg,https://e.com/b.mp3,{n}"
        for i, n in enumerate(NAMES_OF_ANY_SCRIPT)
    ]
    rows.write_text("id,image_url,audio_url,output\n" + "\n".join(lines) + "\n", encoding="utf-8")
    invoke(["batch", str(rows), "-o", str(isolated.tmp / "out"), "--no-check", "--dry-run"])
    for name in HOSTILE_NAMES:
        rows.write_text(
            f"id,image_url,audio_url,output\nr,https://e.com/h.jpg,https://e.com/b.mp3,{name}\n"
        )
        refused = invoke(
            ["batch", str(rows), "-o", str(isolated.tmp / "out"), "--no-check"], expect=2
        )
        assert "row 2: output " in refused.stderr and "nothing was submitted" in refused.stderr
        talk = [
            "talk",
            "https://e.com/h.jpg",
            "https://e.com/b.mp3",
            "-o",
            str(isolated.tmp / name),
        ]
        said = invoke(talk, expect=2).stderr
        assert "holds U+" in said and "changes how a name is shown" in said
    assert api_env.state.jobs == {}
    accented = invoke(
        ["talk", "https://e.com/h.jpg", "https://e.com/b.mp3", "-o", str(isolated.tmp / "café.mp4")]
    )
    assert accented.stdout.strip() in api_env.state.jobs
    persian = isolated.tmp / "\u0648\u06cc\u062f\u06cc\u0648\u200c\u0647\u0627"  # "videos" (J18)
    persian.mkdir()
    saved = invoke(["talk", "https://e.com/h.jpg", "https://e.com/b.mp3", "-o", f"{persian}/"])
    assert saved.stdout.strip() in api_env.state.jobs


def test_a_production_job_hidden_by_the_sandbox_env_says_unset_not_log_in(
    isolated: Isolation,
    sandbox: Sandbox,
    prod: Sandbox,  # noqa: F811 (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """K3: with the README's sandbox lines exported, `status` of a production job whose own
    profile holds its key told the user to log in again under a profile called `sandbox`, and
    the command it named printed the same hint. The env hides the key: unset it, no login."""
    from tests.support.sandboxes import point_at

    for name in ("AKOOL_BASE_URL", "AKOOL_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    job = _talk("prod")
    assert job in prod.state.jobs
    with monkeypatch.context() as session:
        point_at(sandbox, session)
        said = invoke(["status", job]).stderr
        assert f"made on {prod.base_url} with profile default's keyring key" in said, said
        assert "while AKOOL_API_KEY is set" in said and "--profile sandbox" not in said, said
        assert f"env -u AKOOL_API_KEY akool status {job}" in said, said
        session.delenv("AKOOL_API_KEY")  # following it, in the same shell
        again = invoke(["status", job])
    assert job in again.stdout and "Warning" not in again.stderr, again.stderr
    assert all(PROD_KEY not in str(r) for r in sandbox.state.received)


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda c: c.settle(1), 'created="JOB_ID" or not_created=True'),
        (lambda c: c.history(since="garbage"), "since='garbage' is neither a date nor an age"),
        (lambda c: c.spend(since="3000w"), "since='3000w' reaches back before 1970"),
        (lambda c: c.jobs(limit=-5), "limit=-5 is outside the allowed range 1–100000"),
        (lambda c: c.history(newest=-1), "newest=-1 is outside the allowed range"),
        (lambda c: c.history(kind="nope"), "kind='nope' is not a kind of job akool makes"),
        (lambda c: c.statuses(limit=10**9), "limit=1000000000 is outside"),
    ],
)
def test_library_errors_name_parameters_and_check_their_ranges(
    api_env: Sandbox, call: object, said: str
) -> None:
    """K5: library errors named command-line flags (--created, --since), `jobs(limit=-5)` and
    `history(newest=-1)` or an unknown kind were [] instead of an error, and 10**9 read 1e+09."""
    import akool_cli

    with akool_cli.Client() as client, pytest.raises(akool_cli.UsageError) as refused:
        call(client)  # type: ignore[operator]
    assert said in str(refused.value) and "--" not in str(refused.value), refused.value


def test_the_commands_still_name_their_flags() -> None:
    """K5: the same checks from the command line name --since and --created."""
    assert (
        "--since 'garbage' is neither" in invoke(["history", "--since", "garbage"], expect=2).stderr
    )
    assert "--created JOB_ID or --not-created" in invoke(["settle", "1"], expect=2).stderr


def test_a_bucket_url_with_a_password_is_named_as_the_caller_wrote_it(api_env: Sandbox) -> None:
    """K2's nit (K5 class): the library said "--upload-to 's3://***@b/' carries a user name or
    password", a flag its caller never typed; the command still names --upload-to."""
    import akool_cli

    with akool_cli.Client() as client, pytest.raises(akool_cli.UsageError) as refused:
        client.talk("me.png", "https://e.com/b.mp3", upload_to="s3://key:secret@bucket/in/")
    said = str(refused.value)
    assert said.startswith("upload_to='s3://***@bucket/in/' carries a user name or password")
    args = ["talk", "me.png", "https://e.com/b.mp3", "--upload-to", "s3://key:secret@bucket/in/"]
    shown = invoke(args, expect=2).stderr
    assert "Error: --upload-to 's3://***@bucket/in/' carries" in shown and "secret" not in shown
    assert api_env.state.jobs == {}


def test_a_library_download_timeout_says_how_to_resume_the_download(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """K5: `client.download(id, folder, timeout=2)` timing out hinted `akool watch ID`, which
    downloads nothing: the hint carries where the result was to go."""
    import shlex

    import akool_cli

    job = _talk("slow")
    folder = isolated.tmp / "clips"
    with akool_cli.Client() as client, pytest.raises(akool_cli.WaitTimeoutError) as late:
        client.download(job, f"{folder}/", timeout=2)
    hint = late.value.hint or ""
    assert hint == f"resume with: {shlex.join(['akool', 'watch', job, '-o', f'{folder}/'])}"
    isolated.clock.advance(60)
    invoke(shlex.split(hint.removeprefix("resume with: "))[1:])  # following it saves the file
    assert (folder / f"{job}.mp4").read_bytes()[4:8] == b"ftyp"


def test_a_library_runs_cap_is_not_named_as_a_flag(api_env: Sandbox) -> None:
    """K5: a library run's (and an MCP session's) cap refusal said "… would pass --max-credits
    30", a flag neither caller has."""
    import akool_cli

    fields = {"image_url": "https://e.com/cap.jpg", "prompt": "zoom"}  # 20 credits (documented)
    with akool_cli.Client() as client:
        run = client.start_run("script", "capped", max_credits=30)
        client.make("image2video", fields, run=run)
        with pytest.raises(akool_cli.BudgetExceededError) as capped:
            client.make("image2video", {**fields, "prompt": "pan"}, run=run)
    assert "would pass the cap of 30 credits" in str(capped.value)
    assert "--max-credits" not in str(capped.value)


def test_mcp_download_reads_a_path_as_the_library_does(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """K6: MCP `download` with `path: "new"` was refused "the output directory …/new does not
    exist" (hint: mkdir -p, -o DIR/) though mcp.md says a path is a file or a folder ending in /.
    One rule with download() and -o: an existing folder takes <id>.mp4, any other path is the
    file, a path ending in / is a folder; a missing folder under --dir is made (no mkdir hint)."""
    from mcp.client.session import ClientSession

    from tests.test_mcp import AUDIO, IMAGE, call, serve

    folder = isolated.tmp / "work"
    saved: dict[str, str] = {}

    async def body(session: ClientSession) -> None:
        job_id = (await call(session, "talk", image_url=IMAGE, audio_url=AUDIO))["job_id"]
        isolated.clock.advance(10)
        await call(session, "wait", job_id=job_id)
        (folder / "exist").mkdir()
        for path in ("new", "exist", "sub/deeper/", "m8/out.mp4"):
            saved[path] = (await call(session, "download", job_id=job_id, path=path))["path"]
        saved["id"] = job_id

    stderr = serve(isolated, sandbox, body)
    assert "Traceback" not in stderr, stderr
    job_id = saved.pop("id")
    assert saved == {
        "new": str(folder / "new"),
        "exist": str(folder / "exist" / f"{job_id}.mp4"),
        "sub/deeper/": str(folder / "sub" / "deeper" / f"{job_id}.mp4"),
        "m8/out.mp4": str(folder / "m8" / "out.mp4"),
    }
    assert all(Path(p).read_bytes()[4:8] == b"ftyp" for p in saved.values())


def test_url_ttl_is_named_as_the_caller_wrote_it(api_env: Sandbox) -> None:
    """K5: the library's url_ttl out of range said --url-ttl; the command still does."""
    import akool_cli

    with akool_cli.Client() as client, pytest.raises(akool_cli.UsageError) as refused:
        client.talk("https://e.com/t.jpg", "https://e.com/b.mp3", url_ttl="8d", check=False)
    assert "url_ttl=" in str(refused.value) and "--url-ttl" not in str(refused.value)
    args = ["talk", "https://e.com/t.jpg", "https://e.com/b.mp3", "--url-ttl", "8d"]
    assert "--url-ttl '8d'" in invoke(args, expect=2).stderr
    assert api_env.state.jobs == {}
