"""Scoring quiz answers on the server, with the sentence behind each right answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Correction:
    question: str
    chosen: str | None
    answer: str
    is_correct: bool
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class QuizResult:
    score: int
    total: int
    corrections: tuple[Correction, ...]


def questions_without_answers(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the quiz as a reader may see it before answering."""
    return [
        {"number": number, "question": q["question"], "options": list(q["options"])}
        for number, q in enumerate(data.get("quiz", {}).get("questions", []))
    ]


def score_quiz(data: dict[str, Any], answers: Mapping[int, int | None]) -> QuizResult:
    """Score answers given as {question number: option number}; unanswered is wrong."""
    sentences = {s["id"]: s["text"] for s in data.get("sentences", [])}
    corrections = []
    for number, question in enumerate(data.get("quiz", {}).get("questions", [])):
        options = question["options"]
        chosen = answers.get(number)
        is_valid = isinstance(chosen, int) and 0 <= chosen < len(options)
        corrections.append(
            Correction(
                question=question["question"],
                chosen=options[chosen] if is_valid else None,
                answer=options[question["answer"]],
                is_correct=is_valid and chosen == question["answer"],
                evidence=tuple(
                    sentences[s] for s in question.get("sources", []) if s in sentences
                ),
            )
        )
    return QuizResult(
        score=sum(c.is_correct for c in corrections),
        total=len(corrections),
        corrections=tuple(corrections),
    )
