#!/usr/bin/env python3
"""Checks the live sync-server against its own OpenAPI document with schemathesis, a client nobody here wrote.

Builds nothing: it starts the already built `.build/debug/sync-server serve --demo` on a free loopback port in a
temporary directory, sets the first province admin's password with the bootstrap token, logs in, enrolls a demo
device, and runs schemathesis with `--checks all`, a fixed seed and a bounded number of examples per operation:

  1. anonymous: no credentials at all;
  2. device: the enrolled device's secret;
  3. province admin: the admin's session token, on every operation except the three that can end the run's own
     credentials (logout ends the token, disabling a user could disable `admin`, revoking a device could revoke
     the enrolled one; after that every request is a 401 that hides what the document promises);
  4. admin-destructive: disabling users and revoking devices, with the admin's token, once the passes above are done;
  5. logout: last, since its first success ends the token.

Exits non-zero if any pass reports a failure. Settings that JSON Schema cannot say are in schemathesis.toml beside
this script. Usage: python3 .ci/schemathesis.py [--max-examples N] [--seed N] [--document openapi.json]
"""

import argparse
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / ".build" / "debug" / "sync-server"
CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"
PASSWORD = "Schemathesis-Check-2026"

# The operations that can end the run's own credentials (see the module's doc comment).
DESTRUCTIVE = ["/v1/admin/users/{name}/disable", "/v1/admin/devices/{id}/revoke"]
LOGOUT = "/v1/auth/logout"


class Server:
    """One `sync-server serve --demo` on a free loopback port, with what its first start printed."""

    def __init__(self, directory: Path):
        self.log = open(directory / "server.log", "w")
        # The rate limits are raised so that the fuzzer's hundreds of requests a minute test the document, not the
        # limiter (whose 429 answers the document declares and the limiter's own tests check).
        self.process = subprocess.Popen(
            [str(SERVER), "serve", "--demo", "--db", str(directory / "central.sqlite"), "--port", "0",
             "--public-rate-limit", "100000", "--login-rate-limit", "100000", "--complaint-rate-limit", "100000",
             "--complaints-per-code", "100000"],
            stdout=subprocess.PIPE, stderr=self.log, text=True,
        )
        self.lines: "queue.Queue[str]" = queue.Queue()
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = self._expect(r"listening on (http://127\.0\.0\.1:\d+)")
        self.enrollment_code = self._expect(r"enrollment code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")
        self.bootstrap_token = self._expect(r"(?:admin|bootstrap) token \(shown once[^)]*\): ([0-9a-f]+)")

    def _drain(self):
        for line in self.process.stdout:
            self.lines.put(line)

    def _expect(self, pattern: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            match = re.search(pattern, line)
            if match:
                return match.group(1)
        self.stop()
        sys.exit(f"sync-server did not print {pattern!r} within {timeout} s; see {self.log.name}")

    def admin_token(self) -> str:
        """Sets the province admin's password with the bootstrap token and logs in."""
        reply = requests.post(f"{self.url}/v1/auth/password",
                              json={"bootstrapToken": self.bootstrap_token, "newPassword": PASSWORD}, timeout=30)
        reply.raise_for_status()
        reply = requests.post(f"{self.url}/v1/auth/login", json={"name": "admin", "password": PASSWORD}, timeout=30)
        reply.raise_for_status()
        return reply.json()["token"]

    def device_secret(self) -> str:
        """Enrolls a device with the first demo market's enrollment code."""
        reply = requests.post(f"{self.url}/v1/devices/enroll",
                              json={"code": self.enrollment_code, "deviceName": "schemathesis"}, timeout=30)
        reply.raise_for_status()
        return reply.json()["secret"]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def schemathesis(name: str, server: Server, arguments: argparse.Namespace, token: "str | None",
                 filters: "list[str]", directory: Path) -> bool:
    """Runs one schemathesis pass; true if it found nothing."""
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "run",
        *([str(arguments.document.resolve()), "--url", server.url] if arguments.document else [f"{server.url}/openapi.json"]),
        "--checks", "all", "--max-examples", str(arguments.max_examples), "--seed", str(arguments.seed),
        "--phases", "examples,coverage,fuzzing", "--workers", "1", "--no-color",
    ]
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
    command += filters
    print(f"\n=== schemathesis: {name} ===", flush=True)
    return subprocess.run(command, cwd=directory).returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=20, help="examples per operation and phase (20)")
    parser.add_argument("--seed", type=int, default=20261201, help="schemathesis's random seed (20261201)")
    parser.add_argument("--document", type=Path,
                        help="check this OpenAPI file instead of the one the server serves (to try an edit unbuilt)")
    arguments = parser.parse_args()
    if not SERVER.exists():
        sys.exit(f"{SERVER} is missing: run `swift build` first")

    only_destructive = sum((["--include-path", path] for path in DESTRUCTIVE), [])
    not_destructive = sum((["--exclude-path", path] for path in DESTRUCTIVE + [LOGOUT]), [])

    results = {}
    with tempfile.TemporaryDirectory(prefix="schemathesis-") as temporary:
        directory = Path(temporary)
        server = Server(directory)
        try:
            token, secret = server.admin_token(), server.device_secret()
            passes = [
                ("anonymous", None, []),
                ("device", secret, []),
                ("admin", token, not_destructive),
                ("admin-destructive", token, only_destructive),
                ("logout", token, ["--include-path", LOGOUT]),
            ]
            for name, credential, filters in passes:
                results[name] = schemathesis(name, server, arguments, credential, filters, directory)
        finally:
            server.stop()

    print("\n" + "\n".join(f"{name}: {'ok' if passed else 'FAILED'}" for name, passed in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
