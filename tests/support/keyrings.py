"""Keyring backends for tests: in memory, failing, hanging, and a file one for subprocess runs."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calls += 1
        if (service, username) not in self.entries:
            raise PasswordDeleteError("not found")
        del self.entries[(service, username)]


class FailingKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("the keyring daemon crashed")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the keyring daemon crashed")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("the keyring daemon crashed")


class HangingKeyring(KeyringBackend):
    """Like a locked Secret Service waiting for a prompt nobody answers."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait()

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait()


class FileKeyring(KeyringBackend):
    """For subprocess tests: PYTHON_KEYRING_BACKEND=tests.support.keyrings.FileKeyring."""

    priority = 1

    @property
    def path(self) -> Path:
        return Path(os.environ["AKOOL_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}
        return dict(data)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("not found")
        self.path.write_text(json.dumps(data))


class PlaintextKeyring(MemoryKeyring):
    """Like keyrings.alt.file.PlaintextKeyring: works, but keeps secrets in a plaintext file."""

    scheme = "no encyption"  # sic, as keyrings.alt spells it
    file_path = "/home/me/.local/share/python_keyring/keyring_pass.cfg"


class ChainedPlaintext(KeyringBackend):
    """Like keyring's ChainerBackend whose first backend is a plaintext one: it stores there."""

    priority = 1
    backends = (PlaintextKeyring(), MemoryKeyring())

    def get_password(self, service: str, username: str) -> str | None:
        return self.backends[0].get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.backends[0].set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.backends[0].delete_password(service, username)
