"""Import every built-in component module so each registers itself."""

from plotguide.engine import (  # noqa: F401
    after_credits,
    characters,
    quiz,
    sentence_vectors,
    sentences,
    setting,
    spoiler_free,
    summary,
    themes,
    timeline,
    vector,
)
