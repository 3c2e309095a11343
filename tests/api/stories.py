"""Small plots for the API tests, and the story dicts the engine makes of them."""

from __future__ import annotations

from typing import Any

KEEPER_PLOT = (
    "In 1962, Anna Berg works as a lighthouse keeper on a remote Norwegian island. "
    "Her brother Erik Berg arrives from Oslo with a locked suitcase. "
    "Anna discovers that the suitcase holds money stolen from a bank in Bergen. "
    "Erik begs Anna to hide him from the police. "
    "A storm cuts the island off from the mainland for a week. "
    "Inspector Dahl lands on the island and questions Anna about her brother. "
    "Anna lies to Dahl to protect Erik. "
    "Erik steals the keeper's boat and tries to escape through the storm. "
    "Anna lights the great lamp and guides the coast guard to the sinking boat. "
    "Erik is rescued and arrested, and Anna keeps the lighthouse alone."
)

HARBOUR_PLOT = (
    "In 1958, Sofie Lund runs a small harbour cafe in a fishing town in Denmark. "
    "A stranger named Jonas Holm rents the room above the cafe. "
    "Sofie learns that Jonas is hiding from smugglers he once worked for. "
    "The smugglers arrive in town during the winter festival. "
    "Jonas decides to face them at the harbour. "
    "Sofie warns the harbour police before the smugglers can act. "
    "The smugglers are caught and Jonas stays in the town with Sofie."
)

DRAFT_PLOT = (
    "A night train leaves Vienna for Venice with a stolen painting aboard. "
    "The conductor Paul Richter notices a passenger without a ticket. "
    "The passenger turns out to be an art detective. "
    "The painting vanishes at the Italian border. "
    "Paul finds the painting hidden in the dining car. "
    "The detective reveals that Paul himself is the unwitting courier."
)


def line(text: str, *sources: int, kind: str = "source") -> dict[str, Any]:
    return {"text": text, "sources": list(sources), "kind": kind}


def sentences_of(plot: str) -> list[str]:
    return [part.strip() + "." for part in plot.split(". ") if part.strip(". ")]


def story_data(title: str, year: int, plot: str, boundary: int) -> dict[str, Any]:
    """Return a story dict in the engine's format, with one event per sentence.

    Used while the engine cannot run; every field the API reads is filled the
    way the engine fills it, and each line cites the sentence it repeats.
    """
    texts = sentences_of(plot)
    last = len(texts) - 1
    source = [line(text, index) for index, text in enumerate(texts)]
    return {
        "title": title,
        "year": year,
        "engine": "hand-built",
        "engine_version": "0",
        "sentences": [
            {"id": index, "text": text, "paragraph": 0}
            for index, text in enumerate(texts)
        ],
        "summary": {
            "paragraphs": [source[:boundary], source[boundary:last]],
            "ending_start": last,
            "ending": [source[last]],
            "ending_meaning": [
                line(f"The ending answers: {texts[last]}", last, kind="derived")
            ],
            "note": "",
        },
        "timeline": {
            "events": [
                {"title": source[i], "lines": [source[i]], "turning_points": []}
                for i in range(len(texts))
            ],
            "turning_points": [
                {
                    "key": "inciting_incident",
                    "name": "Inciting incident",
                    "sentence": 1,
                },
                {
                    "key": "point_of_no_return",
                    "name": "Point of no return",
                    "sentence": boundary,
                },
                {"key": "climax", "name": "Climax", "sentence": last - 1},
            ],
            "spoiler_boundary": boundary,
            "note": "",
        },
        "characters": [
            {
                "name": title + " lead",
                "aliases": [],
                "role": "protagonist",
                "salience": 1.0,
                "mentions": list(range(len(texts))),
                "actor": None,
                "profile": [source[0]],
                "arc": [source[boundary], source[last]],
                "fate": source[last],
                "relationships": [],
            }
        ],
        "setting": {
            "time_period": {"value": str(year), "sources": [0]},
            "locations": [{"value": "the island", "sources": [0]}],
        },
        "themes": [
            {
                "id": "loyalty",
                "emoji": "🤝",
                "name": "Loyalty",
                "meaning": "What we owe the people closest to us.",
                "score": 0.8,
                "paragraph": [source[boundary]],
            }
        ],
        "spoiler_free": {"lines": source[:2], "boundary": boundary, "note": ""},
        "quiz": {
            "questions": [
                {
                    "question": "Who arrives first?",
                    "options": ["The inspector", "The brother", "A stranger"],
                    "answer": 1,
                    "kind": "who",
                    "sources": [1],
                },
                {
                    "question": "How does it end?",
                    "options": ["ANSWER-HIDDEN escape", "ANSWER-HIDDEN arrest"],
                    "answer": 1,
                    "kind": "what",
                    "sources": [last],
                },
            ],
            "note": "",
        },
        "after_credits": {"kind": "none", "text": "", "source": "", "sources": []},
        "vector": {"terms": [[7, 1.0]], "themes": ["loyalty"], "arc": [0.1, 0.5]},
        "directors": [],
        "genres": [],
        "notes": [],
        "report": [{"name": "REPORT-INTERNAL", "passed": True, "details": []}],
        "format_version": 1,
    }
