"""The `after_credits` component: scenes during or after the credits, if known."""

from __future__ import annotations

import re
from dataclasses import replace

from plotguide.engine.doc import StoryDoc
from plotguide.engine.registry import component
from plotguide.engine.story import AfterCredits

UNKNOWN = "not known yet"
MID = re.compile(r"\b(mid[- ]?credits?|during the (end )?credits)\b", re.IGNORECASE)
POST = re.compile(
    r"\b(post[- ]?credits?|after the (end |closing )?credits)\b", re.IGNORECASE
)
KIND_TEXT = {
    "none": "There is no scene during or after the credits.",
    "mid": "There is a scene during the credits.",
    "post": "There is a scene after the credits.",
    "both": "There are scenes both during and after the credits.",
}


@component("after_credits", requires=("sentences",))
def build_after_credits(doc: StoryDoc) -> StoryDoc:
    """Use the metadata, else a credits scene the plot names, else say not known.

    Never a guess: readers plan whether to stay in their seats on this.
    """
    known = doc.film.post_credits
    if known is not None:
        text = KIND_TEXT[known.kind]
        if known.description:
            text = f"{text} {known.description}"
        section = AfterCredits(known.kind, text, known.source or "metadata")
        return replace(doc, after_credits=section)
    mid = [s for s in doc.sentences or () if MID.search(s.text)]
    post = [s for s in doc.sentences or () if POST.search(s.text)]
    if mid or post:
        kind = "both" if mid and post else "mid" if mid else "post"
        found = sorted({s.id: s for s in mid + post}.values(), key=lambda s: s.id)
        text = " ".join(s.text for s in found)
        section = AfterCredits(kind, text, "plot", tuple(s.id for s in found))
    else:
        section = AfterCredits("unknown", UNKNOWN, "")
    return replace(doc, after_credits=section)
