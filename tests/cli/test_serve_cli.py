"""``sanctionwatch keys`` and ``sanctionwatch serve`` (started for real, on loopback)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from sanctionwatch.api.auth import KeyRing, hash_key
from sanctionwatch.cli import app
from sanctionwatch.settings import get_settings

runner = CliRunner()


def test_keys_add_prints_the_key_once_and_its_hash_line(home: Path) -> None:
    result = runner.invoke(app, ["keys", "add", "alice", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["key"].startswith("sw_") and data["hash"] == hash_key(data["key"])
    assert data["config"] == f"alice:{data['hash']}"
    assert KeyRing.parse(data["config"]).identify(data["key"]) == "alice"
    text = runner.invoke(app, ["keys", "add", "bob"])
    assert text.exit_code == 0 and "SANCTIONWATCH_API_KEYS=" in text.stdout


def test_keys_add_keeps_existing_keys_and_refuses_duplicates(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANCTIONWATCH_API_KEYS", f"alice:{hash_key('k1')}")
    get_settings.cache_clear()
    data = json.loads(runner.invoke(app, ["keys", "add", "bob", "--format", "json"]).stdout)
    assert sorted(KeyRing.parse(data["config"]).hashes.values()) == ["alice", "bob"]
    dup = runner.invoke(app, ["keys", "add", "alice"])
    assert dup.exit_code != 0 and "already configured" in dup.output
    bad = runner.invoke(app, ["keys", "add", "no spaces allowed"])
    assert bad.exit_code != 0 and "Traceback" not in bad.output
    listed = runner.invoke(app, ["keys", "list"])
    assert listed.stdout.split() == ["alice"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_starts_with_no_setup_and_logs_json(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "SANCTIONWATCH_HOME": str(tmp_path / "home")}
    env.pop("SANCTIONWATCH_DATABASE_URL", None)
    cmd = [str(Path(sys.executable).parent / "sanctionwatch"), "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        resp = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert resp is not None and resp.status_code == 200, proc.poll()
        assert httpx.get(f"http://127.0.0.1:{port}/readyz").status_code == 503  # no lists yet
        assert httpx.get(f"http://127.0.0.1:{port}/findings").json()["total"] == 0
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    lines = [json.loads(line) for line in err.decode().splitlines() if line.startswith("{")]
    access = [x for x in lines if x.get("logger") == "sanctionwatch.api.access"]
    assert any(x["path"] == "/healthz" and x["status"] == 200 for x in access), err.decode()
    assert all({"time", "level", "duration_ms", "request_id"} <= set(x) for x in access)
    assert (tmp_path / "home" / "store.db").exists()
