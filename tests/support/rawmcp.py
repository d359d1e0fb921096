"""`akool mcp` as a raw subprocess spoken to in JSON-RPC lines: for what the SDK's client never
sends (garbage, signals at chosen moments, stdin closed mid-call)."""

from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

from tests.support.runner import AKOOL, process_env
from tests.support.waiting import wait_for

PROTOCOL = "2025-06-18"


class RawServer:
    """One `akool mcp` process; answers are collected by id as they come."""

    def __init__(
        self, tmp: Path, home: Path, base_url: str, *extra: str, env: dict[str, str] | None = None
    ) -> None:
        self.folder = tmp / "work"
        self.folder.mkdir(exist_ok=True)
        self.errors = tmp / "mcp-raw-stderr.txt"
        args = [AKOOL, "mcp", "--dir", str(self.folder), "--poll", "0.1", *extra]
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors.open("wb"),
            env=process_env(home, base_url, **(env or {})),
            cwd=str(tmp),
        )
        self.answers: dict[Any, dict[str, Any]] = {}
        self.other: list[str] = []  # lines that are not answers (notifications, garbage)
        self._next = 0
        assert self.proc.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stdout: IO[bytes]) -> None:
        for line in stdout:
            try:
                message = json.loads(line)
            except ValueError:
                self.other.append(line.decode(errors="replace"))
                continue
            if isinstance(message, dict) and "id" in message and "method" not in message:
                self.answers[message["id"]] = message
            else:
                self.other.append(line.decode(errors="replace"))

    def send(self, line: str | bytes) -> None:
        assert self.proc.stdin is not None
        data = line.encode() if isinstance(line, str) else line
        self.proc.stdin.write(data + b"\n")
        self.proc.stdin.flush()

    def request(self, method: str, params: dict[str, Any] | None = None) -> int:
        self._next += 1
        message: dict[str, Any] = {"jsonrpc": "2.0", "id": self._next, "method": method}
        if params is not None:
            message["params"] = params
        self.send(json.dumps(message))
        return self._next

    def answer(self, request_id: Any, seconds: float = 60) -> dict[str, Any]:
        wait_for(lambda: request_id in self.answers or self.proc.poll() is not None, seconds)
        assert request_id in self.answers, f"no answer to {request_id}: {self.stderr()}"
        return self.answers[request_id]

    def initialize(self) -> None:
        params = {
            "protocolVersion": PROTOCOL,
            "capabilities": {},
            "clientInfo": {"name": "raw", "version": "0"},
        }
        answer = self.answer(self.request("initialize", params))
        assert "result" in answer, answer
        self.send(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}))

    def call(self, tool: str, arguments: Any) -> int:
        return self.request("tools/call", {"name": tool, "arguments": arguments})

    def close_stdin(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()

    def wait(self, seconds: float = 60) -> int:
        return self.proc.wait(seconds)

    def stderr(self) -> str:
        return self.errors.read_text(errors="replace")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)
