"""akool's benchmarks: start-up, polling, throughput and downloads, each against a baseline
measured in the same run (this machine is shared and noisy, so targets are ratios).

Usage: make bench   (or: .venv/bin/python bench/run.py [--quick] [--only startup,polling,...])
Prints one line per figure and a JSON summary (also written to bench/results/summary.json);
exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

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
    match = re.search(r"downloaded \d+ bytes in ([0-9.]+) s", stderr)
    if match is None:
        raise RuntimeError("akool --debug did not report the download time")
    return max(1e-3, float(match.group(1)))


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
    from akool_cli.sandbox import SandboxConfig, start_sandbox
    from akool_cli.watcher import POLL_CAP, POLL_INITIAL, Watcher

    for duration in (60.0, 600.0):
        clock = FakeClock()
        server = start_sandbox(SandboxConfig(processing_seconds=duration), clock=clock)
        try:
            credential = Credential("api_key", "bench", api_key=SANDBOX_KEY)
            with AkoolClient(server.base_url, credential, clock=clock) as client:
                job = client.create_talking_photo("https://e.com/p.jpg", "https://e.com/s.mp3")
                with Watcher(client, clock=clock) as watcher:
                    watcher.add(job.id, first_poll_delay=POLL_INITIAL)
                    watcher.run()
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


def bench_downloads(rounds: int) -> None:
    if shutil.which("curl") is None:
        raise RuntimeError("curl is needed as the download baseline (apt-get install curl)")
    peaks: dict[int, float] = {}
    for size_mb in (16, 256):
        size = size_mb * 1024 * 1024
        with (
            tempfile.TemporaryDirectory() as tmp,
            sandbox("--processing-seconds", "0", "--video-bytes", str(size)) as base,
        ):
            home = str(Path(tmp) / "home")
            env = clean_env(AKOOL_HOME=home, AKOOL_BASE_URL=base, AKOOL_API_KEY=SANDBOX_KEY)
            job = create_job(base, home)
            url = f"{base}/_sandbox/files/{job}.mp4"
            curl_times: list[float] = []
            akool_times: list[float] = []
            phase_times: list[float] = []
            rss: list[float] = []
            for r in range(rounds + 1):
                for step in ("curl", "akool") if r % 2 else ("akool", "curl"):
                    if step == "curl":
                        copy = Path(tmp) / f"curl-{r}.mp4"
                        curl_times.append(run_timed(["curl", "-s", "-o", str(copy), url], env)[0])
                        copy.unlink()
                    elif step == "akool":
                        target = Path(tmp) / f"akool-{r}.mp4"
                        wall, usage, err = run_timed_err(
                            [AKOOL, "--debug", "watch", job, "-o", str(target)], env
                        )
                        akool_times.append(wall)
                        phase_times.append(download_seconds(err))
                        rss.append(usage.ru_maxrss / 1024)
                        target.unlink()
            # The first round warms caches; it is not counted.
            curl_s = statistics.median(curl_times[1:])
            akool_s = statistics.median(akool_times[1:])
            phase_s = statistics.median(phase_times[1:])
        mb = size / 1e6
        peaks[size_mb] = max(rss)
        ratio = (mb / phase_s) / (mb / curl_s)
        record(
            Figure(
                f"download {size_mb} MB throughput (akool's download, as its debug log times it)",
                mb / phase_s,
                "MB/s",
                "curl -o, same URL",
                mb / curl_s,
                ratio,
                "≥ 0.8× curl" if size_mb == 256 else "",
                ratio >= 0.8 if size_mb == 256 else None,
            )
        )
        record(
            Figure(
                f"download {size_mb} MB, whole akool watch -o command",
                akool_s,
                "s",
                "curl -o",
                curl_s,
                akool_s / curl_s,
                "",
                None,
            )
        )
        record(
            Figure(
                f"akool peak RSS, {size_mb} MB download",
                max(rss),
                "MB",
                "",
                None,
                None,
                "≤ 64 MB",
                max(rss) <= 64,
            )
        )
    growth = peaks[256] - peaks[16]
    record(
        Figure(
            "peak RSS growth from 16 MB to 256 MB",
            growth,
            "MB",
            "",
            None,
            None,
            "",
            None,
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
    parser.add_argument("--only", default="startup,polling,throughput,downloads")
    options = parser.parse_args()
    parts = set(options.only.split(","))
    print(f"machine: {machine()}", flush=True)
    # A pip install compiles bytecode; an editable one under PYTHONDONTWRITEBYTECODE=1 has none,
    # and compiling akool's sources on every run would be measured instead of akool.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "akool_cli")], check=True)
    if "startup" in parts:
        bench_startup(rounds=5 if options.quick else 15)
    if "polling" in parts:
        bench_polling()
    if "throughput" in parts:
        bench_throughput(jobs=40 if options.quick else 200)
    if "downloads" in parts:
        bench_downloads(rounds=2 if options.quick else 5)
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
