"""Shared set-up: the repository root, the fixtures and the ``huiyi`` binary.

The binary is ``$HUIYI_BIN``, else ``target/release/huiyi``, else
``target/debug/huiyi`` under ``$CARGO_TARGET_DIR`` or the repository; tests
that compare with the command line are skipped without one.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def fixture_files():
    """Every input file under fixtures/ (not the expected outputs or scripts), as relative paths."""
    out = []
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if not path.is_file() or path.name.endswith(".expected.json") or path.suffix == ".py":
            continue
        out.append(str(path.relative_to(ROOT)))
    return out


def _binary():
    if os.environ.get("HUIYI_BIN"):
        return Path(os.environ["HUIYI_BIN"])
    targets = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    targets.append(ROOT / "target")
    for target in targets:
        for profile in ("release", "debug"):
            candidate = target / profile / "huiyi"
            if candidate.is_file():
                return candidate
    return None


@pytest.fixture(scope="session")
def cli():
    """Runs the huiyi binary in the repository root: ``cli(*args, input=None) -> CompletedProcess``."""
    binary = _binary()
    if binary is None:
        pytest.skip("no huiyi binary (cargo build --release, or set HUIYI_BIN)")

    def run(*args, input=None):
        return subprocess.run(
            [str(binary), *map(str, args)],
            cwd=ROOT,
            input=input,
            capture_output=True,
        )

    return run


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    # Paths are given as the command line is given them, relative to the root.
    monkeypatch.chdir(ROOT)


def json_lines(data: bytes):
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
