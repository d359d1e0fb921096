"""akool's benchmarks: start-up, polling, throughput, downloads and scale (batches, planning,
history), each against a baseline measured in the same run (this machine is shared and noisy, so
targets are ratios).

Usage: make bench   (or: .venv/bin/python bench/run.py [--quick] [--only startup,polling,...];
parts: startup, polling, throughput, downloads, batches, planning, history)
Prints one line per figure and a JSON summary (also written to bench/results/summary.json);
exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from akool_cli.api import AkoolClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AKOOL = str(Path(sys.executable).parent / "akool")
PYTHON = sys.executable
SANDBOX_KEY = "sandbox-api-key-0123456789abcdef"
BARE_TYPER_APP = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello to someone."""
    print(f"hello {name}")


@app.command()
def bye() -> None:
    """Say goodbye."""
    print("bye")


if __name__ == "__main__":
    app()
'''


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline: str
    baseline_value: float | None
    ratio: float | None
    target: str
    passed: bool | None  # None: reported, no target

    def line(self) -> str:
        base = (
            f" | {self.baseline}: {self.baseline_value:.4g}"
            if self.baseline_value is not None
            else ""
        )
        ratio = f" | ratio {self.ratio:.2f}" if self.ratio is not None else ""
        verdict = {True: "PASS", False: "FAIL", None: "info"}[self.passed]
        target = f" (target {self.target})" if self.target else ""
        return f"{verdict:4}  {self.name}: {self.value:.4g} {self.unit}{base}{ratio}{target}"


FIGURES: list[Figure] = []


def record(figure: Figure) -> None:
    FIGURES.append(figure)
    print(figure.line(), flush=True)


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AKOOL_", "PYTHON_KEYRING"))}
    env.update(extra)
    return env


def run_timed(cmd: list[str], env: dict[str, str]) -> tuple[float, Any]:
    """Wall time and resource usage of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd[:4])} failed ({process.returncode}): {err.decode()[-500:]}"
        )
    return elapsed, usage


def run_timed_err(cmd: list[str], env: dict[str, str]) -> tuple[float, Any, str]:
    """Like run_timed, keeping what the child wrote on stderr."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    err = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} failed: {err[-500:]}")
    return time.perf_counter() - start, usage, err


def download_seconds(stderr: str) -> float:
    """How long akool's own download took, as its --debug log reports it.

    The one place that reads akool's download timing: swap it for download.py's measurement hook
    when that lands, and nothing else in this file changes.
    """
    match = re.search(r"downloaded \d+ bytes in ([0-9.]+) s", stderr)
    if match is None:
        raise RuntimeError("akool --debug did not report the download time")
    return max(1e-3, float(match.group(1)))


def sha256_speed(rounds: int = 5, size: int = 128 * 1024 * 1024) -> float:
    """This machine's SHA-256 speed in MB/s (median of `rounds`): akool hashes every byte it
    downloads, so no verified download can be faster than this."""
    buffer = bytes(size)  # the speed does not depend on the content
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        hashlib.sha256(buffer).digest()
        times.append(time.perf_counter() - start)
    return size / 1e6 / statistics.median(times)


def alternate(
    commands: dict[str, tuple[list[str], dict[str, str]]], rounds: int
) -> dict[str, float]:
    """Median wall time of each command, run in turn (and in rotating order) so noise hits all."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for name in names:  # warm the file cache once
        run_timed(*commands[name])
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(run_timed(*commands[name])[0])
    return {name: statistics.median(values) for name, values in times.items()}


@contextmanager
def sandbox(*options: str) -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        ready = Path(tmp) / "ready.json"
        process = subprocess.Popen(
            [AKOOL, "sandbox", "--port", "0", "--ready-file", str(ready), *options],
            env=clean_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while not ready.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the sandbox did not start")
            time.sleep(0.02)
        try:
            yield json.loads(ready.read_text())["base_url"]
        finally:
            process.terminate()
            process.wait(timeout=10)


def create_job(base_url: str, home: str, image: str = "https://example.com/p.jpg") -> str:
    env = clean_env(AKOOL_HOME=home, AKOOL_BASE_URL=base_url, AKOOL_API_KEY=SANDBOX_KEY)
    done = subprocess.run(
        [AKOOL, "talk", image, "https://example.com/s.mp3"], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return done.stdout.strip()


def sandbox_stats(base_url: str) -> dict[str, Any]:
    with urllib.request.urlopen(base_url + "/_sandbox/stats") as answer:
        return dict(json.load(answer))


# -- start-up -------------------------------------------------------------------------------------


def bench_startup(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, sandbox("--processing-seconds", "0") as base:
        bare = Path(tmp) / "bare_typer.py"
        bare.write_text(BARE_TYPER_APP)
        home = str(Path(tmp) / "home")
        job = create_job(base, home)
        env = clean_env(AKOOL_HOME=home, AKOOL_BASE_URL=base, AKOOL_API_KEY=SANDBOX_KEY)
        ring = Path(tmp) / "ring.json"
        keyring_env = clean_env(
            AKOOL_HOME=home,
            AKOOL_BASE_URL=base,
            PYTHONPATH=str(ROOT),
            PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
            AKOOL_TEST_KEYRING_FILE=str(ring),
        )
        login = subprocess.run(
            [AKOOL, "login"], input=SANDBOX_KEY, env=keyring_env, capture_output=True, text=True
        )
        if login.returncode != 0:
            raise RuntimeError(login.stderr)
        medians = alternate(
            {
                "python -c pass": ([PYTHON, "-c", "pass"], env),
                "bare Typer --help": ([PYTHON, str(bare), "--help"], env),
                "akool --version": ([AKOOL, "--version"], env),
                "akool --help": ([AKOOL, "--help"], env),
                "akool status JOB --json (env key)": ([AKOOL, "status", job, "--json"], env),
                "akool status JOB --json (keyring)": (
                    [AKOOL, "status", job, "--json"],
                    keyring_env,
                ),
            },
            rounds,
        )
    py, typer_help = medians["python -c pass"], medians["bare Typer --help"]
    ms = 1000.0
    record(Figure("python -c pass", py * ms, "ms", "", None, None, "", None))
    record(Figure("bare Typer --help", typer_help * ms, "ms", "", None, None, "", None))
    for name, baseline, base_value, limit in (
        ("akool --version", "python -c pass", py, 4.0),
        ("akool --help", "bare Typer --help", typer_help, 1.15),
        ("akool status JOB --json (env key)", "bare Typer --help", typer_help, 1.5),
        ("akool status JOB --json (keyring)", "bare Typer --help", typer_help, None),
    ):
        ratio = medians[name] / base_value
        record(
            Figure(
                name,
                medians[name] * ms,
                "ms",
                baseline,
                base_value * ms,
                ratio,
                f"≤ {limit}×" if limit else "",
                (ratio <= limit) if limit else None,
            )
        )


# -- polling --------------------------------------------------------------------------------------


def bench_polling() -> None:
    from akool_cli.api import AkoolClient
    from akool_cli.clock import FakeClock
    from akool_cli.credentials import Credential
    from akool_cli.jobs import POLL_CAP, POLL_INITIAL, follow_jobs
    from akool_cli.sandbox import SandboxConfig, start_sandbox

    for duration in (60.0, 600.0):
        clock = FakeClock()
        server = start_sandbox(SandboxConfig(processing_seconds=duration), clock=clock)
        try:
            credential = Credential("api_key", "bench", api_key=SANDBOX_KEY)
            with AkoolClient(server.base_url, credential, clock=clock) as client:
                job = client.create_talking_photo("https://e.com/p.jpg", "https://e.com/s.mp3")
                follow_jobs(client, [job.id], first_poll_delay=POLL_INITIAL, clock=clock)
            polls = server.state.polls[job.id]
            longest = max(clock.sleeps)
        finally:
            server.stop()
        allowed = duration / POLL_INITIAL + 2
        record(
            Figure(
                f"status requests for a {duration:.0f} s job",
                polls,
                "requests",
                f"one per {POLL_INITIAL:g} s interval",
                duration / POLL_INITIAL,
                polls / (duration / POLL_INITIAL),
                f"≤ {allowed:.0f}, interval backs off to ~{POLL_CAP:g} s (reached {longest:g} s)",
                polls <= allowed and abs(longest - POLL_CAP) < 1e-6
                if duration > 120
                else polls <= allowed,
            )
        )


# -- throughput -----------------------------------------------------------------------------------


def bench_throughput(jobs: int) -> None:
    interval = 3.0
    processing = 2.0
    with (
        tempfile.TemporaryDirectory() as tmp,
        sandbox("--latency", "0.05", "--processing-seconds", str(processing)) as base,
    ):
        home = str(Path(tmp) / "home")
        env = clean_env(AKOOL_HOME=home, AKOOL_BASE_URL=base, AKOOL_API_KEY=SANDBOX_KEY)
        ids: list[str] = []
        talk_cpu = 0.0
        start = time.perf_counter()
        last_created = start
        for n in range(jobs):
            process = subprocess.Popen(
                [AKOOL, "talk", f"https://example.com/p-{n}.jpg", "https://example.com/s.mp3"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            assert process.stdout is not None
            out = process.stdout.read()
            _, status, usage = os.wait4(process.pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError("talk failed")
            last_created = time.perf_counter()
            talk_cpu += usage.ru_utime + usage.ru_stime
            ids.append(out.decode().strip())
        creation = time.perf_counter() - start
        outdir = Path(tmp) / "videos"
        outdir.mkdir()
        one = Path(tmp) / "one.mp4"
        download_one = run_timed(
            ["curl", "-s", "-o", str(one), f"{base}/_sandbox/files/{ids[0]}.mp4"], env
        )[0]
        watch_start = time.perf_counter()
        watch_wall, usage = run_timed(
            [AKOOL, "watch", *ids, "-o", str(outdir), "--interval", str(interval)], env
        )
        watch_cpu = usage.ru_utime + usage.ru_stime
        ideal_end = max(watch_start, last_created + processing) + download_one
        ideal = ideal_end - watch_start
        polls = sandbox_stats(base)["polls"]
        saved = len(list(outdir.glob("*.mp4")))
    if saved != jobs:
        raise RuntimeError(f"watch saved {saved} of {jobs} videos")
    per_job = [polls.get(i, 0) for i in ids]
    allowed_polls = processing / interval + 2
    record(
        Figure(
            f"creation rate ({jobs} talk processes)",
            jobs / creation,
            "jobs/s",
            "",
            None,
            None,
            "",
            None,
        )
    )
    record(
        Figure(
            f"watch of {jobs} jobs, wall time",
            watch_wall,
            "s",
            "ideal (last job finished + its download)",
            ideal,
            watch_wall / ideal if ideal else None,
            f"≤ 1.25 × ideal + {interval:g} s = {1.25 * ideal + interval:.2f} s",
            watch_wall <= 1.25 * ideal + interval,
        )
    )
    record(
        Figure(
            "status requests per job (mean; max)",
            statistics.mean(per_job),
            f"requests (max {max(per_job)})",
            "job duration / interval + 2",
            allowed_polls,
            statistics.mean(per_job) / allowed_polls,
            f"≤ {allowed_polls:.2f} for every job",
            max(per_job) <= allowed_polls,
        )
    )
    record(
        Figure("akool CPU per job: talk", talk_cpu / jobs * 1000, "ms", "", None, None, "", None)
    )
    record(
        Figure("akool CPU per job: watch", watch_cpu / jobs * 1000, "ms", "", None, None, "", None)
    )


# -- downloads ------------------------------------------------------------------------------------


@dataclass
class DownloadRun:
    """Medians of one file size: akool's download alone, the whole command, curl (if any)."""

    download_s: float
    command_s: float
    curl_s: float | None
    peak_rss_mb: float


def measure_download(size: int, rounds: int, curl: bool) -> DownloadRun:
    with (
        tempfile.TemporaryDirectory() as tmp,
        sandbox("--processing-seconds", "0", "--video-bytes", str(size)) as base,
    ):
        home = str(Path(tmp) / "home")
        env = clean_env(AKOOL_HOME=home, AKOOL_BASE_URL=base, AKOOL_API_KEY=SANDBOX_KEY)
        job = create_job(base, home)
        url = f"{base}/_sandbox/files/{job}.mp4"
        times: dict[str, list[float]] = {"curl": [], "akool": [], "download": []}
        rss: list[float] = []
        for r in range(rounds + 1):
            for step in ("curl", "akool") if r % 2 else ("akool", "curl"):
                target = Path(tmp) / f"{step}-{r}.mp4"
                if step == "curl" and curl:
                    times["curl"].append(run_timed(["curl", "-s", "-o", str(target), url], env)[0])
                elif step == "akool":
                    wall, usage, err = run_timed_err(
                        [AKOOL, "--debug", "watch", job, "-o", str(target)], env
                    )
                    times["akool"].append(wall)
                    times["download"].append(download_seconds(err))
                    rss.append(usage.ru_maxrss / 1024)
                target.unlink(missing_ok=True)
    # The first round warms caches; it is not counted.
    median = {name: statistics.median(t[1:]) if t else None for name, t in times.items()}
    assert median["download"] is not None and median["akool"] is not None
    return DownloadRun(median["download"], median["akool"], median["curl"], max(rss))


def bench_downloads(rounds: int) -> None:
    curl = shutil.which("curl") is not None
    sha_speed = sha256_speed()
    record(
        Figure(
            "SHA-256 speed of this machine (hashlib)", sha_speed, "MB/s", "", None, None, "", None
        )
    )
    if not curl:
        print("      (no curl: the download limit is the SHA-256 speed alone)", flush=True)
    peaks: dict[int, float] = {}
    for size_mb in (16, 256):
        run = measure_download(size_mb * 1024 * 1024, rounds, curl)
        mb = size_mb * 1024 * 1024 / 1e6
        peaks[size_mb] = run.peak_rss_mb
        curl_speed = mb / run.curl_s if run.curl_s else None
        limit = min(curl_speed or sha_speed, sha_speed)
        ratio = mb / run.download_s / limit
        gated = size_mb == 256
        curl_text = f"curl -o {curl_speed:.0f}, " if curl_speed else ""
        record(
            Figure(
                f"download {size_mb} MB throughput (akool's download, as its debug log times it)",
                mb / run.download_s,
                "MB/s",
                f"machine's limit: min({curl_text}SHA-256 {sha_speed:.0f})",
                limit,
                ratio,
                "≥ 0.8× the limit" if gated else "",
                ratio >= 0.8 if gated else None,
            )
        )
        if run.curl_s:
            record(
                Figure(
                    f"download {size_mb} MB, whole akool watch -o command",
                    run.command_s,
                    "s",
                    "curl -o",
                    run.curl_s,
                    run.command_s / run.curl_s,
                    "",
                    None,
                )
            )
        record(
            Figure(
                f"akool peak RSS, {size_mb} MB download",
                run.peak_rss_mb,
                "MB",
                "",
                None,
                None,
                "≤ 64 MB",
                run.peak_rss_mb <= 64,
            )
        )
    growth = peaks[256] - peaks[16]
    record(Figure("peak RSS growth from 16 MB to 256 MB", growth, "MB", "", None, None, "", None))


# -- scale: batches, planning, history ------------------------------------------------------------

SCALE_CONCURRENCY = 16
SCALE_INTERVAL = 0.05  # first poll interval of the batches (the CLI takes any positive value)
GROWTH_LIMIT = 12.0  # time for 10x the rows, at most
RSS_LIMIT_MB = 120.0
THREAD_SLACK = 4  # threads a bigger batch may show over the 100-row one (sampling jitter)
PLANNING_LIMIT = 1.5
HISTORY_LIMIT = 1.2
SAMPLE_SECONDS = 0.02


@dataclass
class Sampled:
    """One akool process as /proc and wait4 saw it."""

    seconds: float
    finished: bool  # False: stopped when its time budget ran out
    exit_code: int
    peak_threads: int
    peak_rss_mb: float


def proc_fields(pid: int) -> dict[str, str]:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}  # exited between two samples
    return {k: v.strip() for k, _, v in (line.partition(":") for line in text.splitlines())}


def run_sampled(cmd: list[str], env: dict[str, str], budget: float, log: Path) -> Sampled:
    """Run one akool process, sampling its thread count and peak RSS (/proc/PID/status) until it
    exits; stop it (SIGTERM, then SIGKILL) once `budget` seconds have passed."""
    with log.open("wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
    threads, hwm_kb, finished = 0, 0, True
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        fields = proc_fields(process.pid)
        threads = max(threads, int(fields.get("Threads") or 0))
        hwm_kb = max(hwm_kb, int((fields.get("VmHWM") or "0 kB").split()[0]))
        elapsed = time.perf_counter() - start
        if elapsed > budget and finished:
            finished = False
            process.terminate()
        elif elapsed > budget + 5:
            process.kill()
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    rss_mb = max(hwm_kb, usage.ru_maxrss) / 1024  # ru_maxrss is in KiB on Linux
    return Sampled(seconds, finished, process.returncode, threads, rss_mb)


def write_batch_file(path: Path, rows: int) -> Path:
    with path.open("w") as out:
        out.write("id,image_url,audio_url\n")
        for n in range(rows):
            out.write(f"r{n},https://example.com/p-{n}.jpg,https://example.com/s-{n}.mp3\n")
    return path


def batch_run(rows: int, budget: float) -> tuple[Sampled, int]:
    """One `akool batch` of `rows` rows against a fresh instant sandbox: the process, and how
    many videos it saved."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        sandbox("--processing-seconds", "0") as base,
    ):
        env = clean_env(AKOOL_HOME=f"{tmp}/home", AKOOL_BASE_URL=base, AKOOL_API_KEY=SANDBOX_KEY)
        outdir = Path(tmp) / "videos"
        outdir.mkdir()
        cmd = [
            AKOOL,
            "batch",
            str(write_batch_file(Path(tmp) / "rows.csv", rows)),
            "-o",
            str(outdir),
            "--concurrency",
            str(SCALE_CONCURRENCY),
            "--interval",
            str(SCALE_INTERVAL),
        ]
        run = run_sampled(cmd, env, budget, Path(tmp) / "stderr.log")
        saved = len(list(outdir.glob("*.mp4")))
        if run.finished and (run.exit_code != 0 or saved != rows):
            tail = (Path(tmp) / "stderr.log").read_text(errors="replace")[-400:]
            print(f"batch of {rows} rows: exit {run.exit_code}, {saved} saved: {tail}", flush=True)
    return run, saved


def bench_batches(sizes: tuple[int, ...]) -> None:
    runs: dict[int, tuple[Sampled, int]] = {}
    smaller: int | None = None
    for rows in sizes:
        budget = 60.0 if smaller is None else GROWTH_LIMIT * runs[smaller][0].seconds + 15
        if smaller is not None and not runs[smaller][0].finished:
            record(
                Figure(
                    f"batch of {rows:,} rows",
                    0,
                    "s (not run)",
                    "",
                    None,
                    None,
                    f"the {smaller:,}-row batch did not finish",
                    False,
                )
            )
            continue
        run, saved = batch_run(rows, budget)
        runs[rows] = (run, saved)
        record_batch(rows, run, saved, runs[sizes[0]][0] if rows != sizes[0] else None)
        if smaller is not None:
            growth = run.seconds / runs[smaller][0].seconds
            record(
                Figure(
                    f"growth: time for {rows:,} rows / time for {smaller:,}",
                    growth,
                    "×",
                    f"{smaller:,}-row batch, s",
                    runs[smaller][0].seconds,
                    growth,
                    f"≤ {GROWTH_LIMIT:g}× (linear: 10×)",
                    run.finished and growth <= GROWTH_LIMIT,
                )
            )
        smaller = rows


def record_batch(rows: int, run: Sampled, saved: int, first: Sampled | None) -> None:
    ok = run.finished and run.exit_code == 0 and saved == rows
    stopped = "" if run.finished else f", stopped after its {run.seconds:.0f} s budget"
    record(
        Figure(
            f"batch of {rows:,} rows: wall time",
            run.seconds,
            f"s ({saved:,} of {rows:,} videos saved{stopped})",
            "",
            None,
            None,
            "every row done",
            ok,
        )
    )
    record(
        Figure(
            f"batch of {rows:,} rows: rate", saved / run.seconds, "jobs/s", "", None, None, "", None
        )
    )
    if first is None:
        record(
            Figure(
                f"batch of {rows:,} rows: peak threads",
                run.peak_threads,
                "threads",
                "",
                None,
                None,
                "",
                None,
            )
        )
    else:
        record(
            Figure(
                f"batch of {rows:,} rows: peak threads",
                run.peak_threads,
                "threads",
                "smallest batch",
                first.peak_threads,
                run.peak_threads / first.peak_threads,
                f"≤ smallest + {THREAD_SLACK}",
                run.peak_threads <= first.peak_threads + THREAD_SLACK,
            )
        )
    record(
        Figure(
            f"batch of {rows:,} rows: peak RSS",
            run.peak_rss_mb,
            "MB",
            "",
            None,
            None,
            f"≤ {RSS_LIMIT_MB:g} MB",
            run.peak_rss_mb <= RSS_LIMIT_MB,
        )
    )


class InstantClient:
    """Stands in for AkoolClient when filling a history: every create succeeds at once, so the
    history holds jobs written by akool's own create_job, as fast as SQLite takes them."""

    base_url = "https://openapi.akool.com"

    def __init__(self) -> None:
        self.created = 0

    def create_talking_photo(self, image_url: str, audio_url: str, **_: Any) -> Any:
        from akool_cli.models import JobInfo

        self.created += 1
        return JobInfo(
            id=f"{self.created:024x}",
            video_status=3,  # finished: `status` has nothing to refresh
            video_url=f"https://cdn.example.com/{self.created}.mp4",
            create_time_ms=1_700_000_000_000 + self.created * 1000,
        )


def fill_history(home: Path, jobs: int, batch_file: Path | None = None) -> None:
    """`jobs` finished jobs in a fresh history; with a batch file, one per row of it, recorded
    under the row's batch key (a finished run of that file)."""
    from akool_cli.batch import load_rows, validate
    from akool_cli.config import paths
    from akool_cli.inputs import TalkRequest
    from akool_cli.jobs import create_job
    from akool_cli.journal import Journal

    client = cast("AkoolClient", InstantClient())
    items = validate(load_rows(batch_file))[0] if batch_file else []
    with Journal(paths({"AKOOL_HOME": str(home)}).journal_file) as journal:
        for n in range(jobs):
            if n < len(items):
                item = items[n]
                request, extra = (
                    item.request,
                    {
                        "batch_key": item.key,
                        "batch_row": item.row,
                        "batch_id": item.id,
                    },
                )
            else:
                request = TalkRequest(f"https://example.com/p-{n}.jpg", "https://e.com/s.mp3")
                extra = {}
            create_job(client, journal, request, profile="default", extra_inputs=extra)


def history_dir(tmp: str) -> str:
    """Histories for the planning and status figures live on tmpfs when there is one: filling
    100,000 jobs with an fsync per commit would take minutes, and reading is the same there."""
    shm = Path("/dev/shm")
    return tempfile.mkdtemp(dir=shm) if shm.is_dir() and os.access(shm, os.W_OK) else tmp


def bench_planning(rows: int, rounds: int) -> None:
    """`batch --dry-run` of `rows` rows with as many jobs of that file in the history vs none."""
    with tempfile.TemporaryDirectory() as tmp:
        histories = history_dir(tmp)
        batch_file = write_batch_file(Path(tmp) / "rows.csv", rows)
        empty, full = Path(histories) / "empty", Path(histories) / "full"
        empty.mkdir()
        started = time.perf_counter()
        fill_history(full, rows, batch_file)
        print(
            f"      (filled a history with {rows:,} jobs in {time.perf_counter() - started:.1f} s)",
            flush=True,
        )
        times: dict[Path, list[float]] = {empty: [], full: []}
        peak_rss = 0.0
        for r in range(rounds + 1):
            for home in (empty, full) if r % 2 else (full, empty):
                env = clean_env(AKOOL_HOME=str(home), AKOOL_BASE_URL="http://127.0.0.1:9")
                cmd = [AKOOL, "batch", str(batch_file), "--dry-run", "--json"]
                run = run_sampled(cmd, env, 150.0, Path(tmp) / "stderr.log")
                if run.exit_code != 0 and run.finished:
                    raise RuntimeError(f"dry run failed: {(Path(tmp) / 'stderr.log').read_text()}")
                times[home].append(run.seconds)
                peak_rss = max(peak_rss, run.peak_rss_mb)
            if r == 0 and times[full][0] > 3 * PLANNING_LIMIT * times[empty][0]:
                break  # clearly missed: more rounds would only cost minutes
        if histories != tmp:
            shutil.rmtree(histories)
    # The first round warms caches; it is only counted when it is the only one.
    empty_s = statistics.median(times[empty][1:] or times[empty])
    full_s = statistics.median(times[full][1:] or times[full])
    ratio = full_s / empty_s
    record(
        Figure(
            f"batch --dry-run of {rows:,} rows, {rows:,} jobs in the history",
            full_s,
            "s",
            "empty history",
            empty_s,
            ratio,
            f"≤ {PLANNING_LIMIT:g}×",
            ratio <= PLANNING_LIMIT,
        )
    )
    record(
        Figure(
            f"batch --dry-run of {rows:,} rows: peak RSS",
            peak_rss,
            "MB",
            "",
            None,
            None,
            f"≤ {RSS_LIMIT_MB:g} MB",
            peak_rss <= RSS_LIMIT_MB,
        )
    )


def bench_history(jobs: int, rounds: int) -> None:
    """`akool status` (the 10 most recent jobs, all finished) with `jobs` jobs in the history vs 10."""
    with tempfile.TemporaryDirectory() as tmp:
        histories = history_dir(tmp)
        small, large = Path(histories) / "small", Path(histories) / "large"
        started = time.perf_counter()
        fill_history(small, 10)
        fill_history(large, jobs)
        print(
            f"      (filled a history with {jobs:,} jobs in {time.perf_counter() - started:.1f} s)",
            flush=True,
        )
        commands = {
            str(home): (
                [AKOOL, "status", "--json"],
                clean_env(AKOOL_HOME=str(home), AKOOL_BASE_URL="http://127.0.0.1:9"),
            )
            for home in (small, large)
        }
        medians = alternate(commands, rounds)
        if histories != tmp:
            shutil.rmtree(histories)
    ratio = medians[str(large)] / medians[str(small)]
    record(
        Figure(
            f"akool status with {jobs:,} jobs in the history",
            medians[str(large)] * 1000,
            "ms",
            "10 jobs",
            medians[str(small)] * 1000,
            ratio,
            f"≤ {HISTORY_LIMIT:g}×",
            ratio <= HISTORY_LIMIT,
        )
    )


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and jobs")
    parser.add_argument(
        "--only", default="startup,polling,throughput,downloads,batches,planning,history"
    )
    options = parser.parse_args()
    parts = set(options.only.split(","))
    print(f"machine: {machine()}", flush=True)
    # A pip install compiles bytecode; an editable one under PYTHONDONTWRITEBYTECODE=1 has none,
    # and compiling akool's sources on every run would be measured instead of akool.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "akool_cli")], check=True)
    quick = options.quick
    steps: dict[str, Callable[[], None]] = {
        "startup": lambda: bench_startup(rounds=5 if quick else 15),
        "polling": bench_polling,
        "throughput": lambda: bench_throughput(jobs=40 if quick else 200),
        "downloads": lambda: bench_downloads(rounds=2 if quick else 5),
        "batches": lambda: bench_batches((100, 1_000) if quick else (100, 1_000, 10_000)),
        "planning": lambda: bench_planning(
            rows=2_000 if quick else 10_000, rounds=1 if quick else 3
        ),
        "history": lambda: bench_history(
            jobs=10_000 if quick else 100_000, rounds=3 if quick else 7
        ),
    }
    for name in (n for n in steps if n in parts):
        try:
            steps[name]()
        except Exception as exc:  # a broken part is a missed target; the others still run
            record(Figure(f"{name}: did not complete ({exc})", 0, "", "", None, None, "", False))
    summary = {"machine": machine(), "figures": [asdict(f) for f in FIGURES]}
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary))
    missed = [f.name for f in FIGURES if f.passed is False]
    if missed:
        print(f"missed targets: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
