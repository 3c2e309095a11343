"""Real parsed sentences for unit tests of the parts that read a parse."""

from plotguide.engine import OfflineEngine
from plotguide.engine.doc import Sentence, StoryDoc
from plotguide.engine.parsing import to_paragraph
from plotguide.engine.sentences import build_sentences
from tests.engine.plots import film


def parse(engine: OfflineEngine, text: str) -> tuple[Sentence, ...]:
    """Return the numbered sentences the pipeline's first step makes of text."""
    doc = StoryDoc(film=film(text), parsed=(to_paragraph(engine.nlp(text)),))
    return build_sentences(doc).sentences or ()
