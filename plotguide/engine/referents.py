"""Who "he", "she" and "they" stand for, read from the plot around a sentence.

A retelling that skips sentences cuts a pronoun from its name: "They travel to
a far-away cave" after a line about Harry and Draco reads as the wrong pair.
The timeline's titles and the summary's lines resolve pronouns here, the same
way: names earlier in the sentence first, then up to two sentences before,
each sentence's subject first; a "he" or "she" only for a character whose
gender the plot's pronouns make clear.
"""

from __future__ import annotations

import re

from plotguide.engine.doc import Sentence, StoryDoc, glued_hyphen
from plotguide.engine.story import Character

SUBJECT_DEPS = ("nsubj", "nsubjpass")
LOOK_BACK = 2
DEMONSTRATIVES = frozenset({"This", "That", "These", "Those"})
POSSESSIVES = {"his": "he", "her": "she", "their": "they"}


def token_names(
    sentences: tuple[Sentence, ...], characters: tuple[Character, ...]
) -> dict[int, dict[int, str]]:
    """Map sentence id -> token index -> the character's short name."""
    found: dict[int, dict[int, str]] = {s.id: {} for s in sentences}
    forms = sorted(
        ((_as_tokens(form), c) for c in characters for form in (c.name, *c.aliases)),
        key=lambda pair: -len(pair[0]),
    )
    called = {c.name: plot_name(c, sentences) for c in characters}
    for sentence in sentences:
        texts = [t.text for t in sentence.tokens]
        for words, character in forms:
            size = len(words)
            for start in range(len(texts) - size + 1):
                if tuple(texts[start : start + size]) == words and not _in_hyphenated(
                    sentence, start, start + size
                ):
                    name = called[character.name]
                    if not _own_words(words, character):
                        # Another identity keeps the sentence's word: "the
                        # Mask dances", "Sidney is confronted by Ghostface",
                        # never the man behind the mask.
                        the = start > 0 and texts[start - 1].lower() == "the"
                        name = ("the " if the else "") + _written(words)
                    for index in range(start, start + size):
                        found[sentence.id].setdefault(index, name)
    return found


def _as_tokens(form: str) -> tuple[str, ...]:
    """A name's words as the parser splits them: "Obi-Wan" is "Obi", "-", "Wan"."""
    return tuple(re.findall(r"[^\s-]+|-", form))


def _written(words: tuple[str, ...]) -> str:
    """A name's tokens as the plot writes them: "Spider-Man", not "Spider - Man"."""
    return " ".join(words).replace(" - ", "-")


def _own_words(words: tuple[str, ...], character: Character) -> bool:
    """Whether a form is made of the character's own name's words."""
    own = {w.strip('"“”') for w in _as_tokens(character.name)}
    return all(w.strip('"“”') in own for w in words)


def plot_name(character: Character, sentences: tuple[Sentence, ...]) -> str:
    """Return the one-word name the plot calls a character by most often:
    "Jack" and "Bernie", as a fan says, not the surnames "Sparrow" and
    "Rose", and "Baby", not "Frances"; the whole name where the plot uses
    no part of it on its own ("Honest John")."""
    usual = short_name(character)
    forms = [a for a in character.aliases if " " not in a and a != usual]
    whole = " " not in usual and usual != character.name
    if not forms and not whole:
        return usual
    counts = dict.fromkeys([usual, *forms], 0)
    spelt = {form: _as_tokens(form) for form in counts}
    for sentence in sentences:
        tokens = sentence.tokens
        texts = tuple(t.text for t in tokens)
        for form, words in spelt.items():
            for index in range(len(tokens) - len(words) + 1):
                end = index + len(words)
                # Alone: no name word beside it, and no piece of "Obi-Wan".
                alone = all(
                    not 0 <= n < len(tokens)
                    or tokens[n].pos != "PROPN"
                    and not glued_hyphen(tokens, n)
                    for n in (index - 1, end)
                )
                # "the Mask" is who Stanley becomes, not what the plot calls him.
                titled = index > 0 and texts[index - 1].lower() == "the"
                if texts[index:end] == words and alone and not titled:
                    counts[form] += 1
    if whole and not any(counts.values()):
        # "Honest John" is never "Honest" alone: the plot's name is whole.
        return character.name
    return max(counts, key=lambda form: counts[form])


def _in_hyphenated(sentence: Sentence, start: int, end: int) -> bool:
    """True for the "Paul" of "T-Paul": part of a longer hyphenated word."""
    tokens = sentence.tokens
    glued_before = start >= 2 and glued_hyphen(tokens, start - 1)
    glued_after = end + 1 < len(tokens) and glued_hyphen(tokens, end)
    return glued_before or glued_after


def short_name(character: Character) -> str:
    """Return the name a reader would use: the surname-like alias, or the name.

    A word of a longer alias is no name of its own unless the name has it:
    "Man" of "Spider Man" is half of "Spider-Man", so Peter Parker is "Peter".
    """
    words = character.name.split()
    longer = {w for a in character.aliases if " " in a for w in a.split()}
    singles = [
        a
        for a in character.aliases
        if len(a.split()) == 1 and (a in words or a not in longer)
    ]
    if singles and len(words) > 1:
        # A word of the name before another alias: Stanley Ipkiss is
        # "Stanley", never "Mask" of "Stanley Ipkiss / The Mask".
        own = [a for a in singles if a in words]
        return words[-1] if words[-1] in singles else (own or singles)[0]
    # "Mary Jane" of Mary Jane Watson: the plot's own shorter form.
    opening = [a for a in character.aliases if character.name.startswith(a + " ")]
    return min(opening, key=len, default=character.name)


def genders(
    sentences: tuple[Sentence, ...], names: dict[int, dict[int, str]]
) -> dict[str, str]:
    """Guess "m" or "f" per short name from the subject pronouns ("he", "she")
    that follow the name in sentences naming that character alone, or open
    the sentence after one that does, naming nobody ("Peter is bitten by a
    spider. He passes out ...").

    Plots say "her son" of other people often, so only subject pronouns count,
    and a name needs three votes and a three-to-one majority.
    """
    counts: dict[str, list[int]] = {}
    alone = ""
    for sentence in sentences:
        found = names[sentence.id]
        after, alone = alone, ""
        if not found and after:
            tokens = sentence.tokens
            name, tokens = after, tokens[: subject_index(sentence) + 1]
        elif len(set(found.values())) == 1:
            name = alone = next(iter(found.values()))
            tokens = sentence.tokens[min(found) :]
        else:
            continue
        tally = counts.setdefault(name, [0, 0])
        for token in tokens:
            lower = token.text.lower()
            if token.dep in SUBJECT_DEPS and lower in ("he", "she"):
                tally[lower == "she"] += 1
    result = {}
    for name, (male, female) in counts.items():
        if male >= 3 and male >= 3 * female:
            result[name] = "m"
        elif female >= 3 and female >= 3 * male:
            result[name] = "f"
    return result


def antecedents(
    sentences: tuple[Sentence, ...],
    index: int,
    names: dict[int, dict[int, str]],
) -> list[tuple[str, int]]:
    """Return the characters a pronoun in sentence `index` may stand for, most
    likely first, each with the sentence that names it.

    The names before the sentence's subject come first (nearest first), then
    those of up to two sentences before, each sentence's subject first:
    "Raynor meets Dodd. He ..." reads as Raynor.
    """
    found_names: list[tuple[str, int]] = []
    for previous in range(index, max(-1, index - LOOK_BACK - 1), -1):
        sentence = sentences[previous]
        found = names[previous]
        limit = subject_index(sentence) if previous == index else len(sentence.tokens)
        order = sorted(
            (i for i in found if i < limit),
            key=lambda i: (sentence.tokens[i].dep not in SUBJECT_DEPS, -i),
        )
        for token_index in order:
            name = found[token_index]
            if name not in [a for a, _ in found_names]:
                found_names.append((name, previous))
        if len(found_names) >= 3:
            break
    return found_names


def subject_index(sentence: Sentence) -> int:
    """Return the index of the main clause's subject (the sentence's length if none)."""
    for index, token in enumerate(sentence.tokens):
        if token.dep in SUBJECT_DEPS and sentence.tokens[token.head].dep == "ROOT":
            return index
    return len(sentence.tokens)


def referent(
    pronoun: str, index: int, candidates: list[tuple[str, int]], known: dict[str, str]
) -> tuple[str, tuple[int, ...]] | None:
    """Return the name(s) a subject pronoun stands for and the sentences that
    name them, or None when the plot leaves it open.

    "he"/"she": the likeliest candidate of that gender, only where the plot's
    pronouns make that character's gender clear. "they": the two characters of
    the sentence before, only when it names exactly two.
    """
    lower = pronoun.lower()
    if lower in ("he", "she"):
        wanted = "m" if lower == "he" else "f"
        fitting = [(n, s) for n, s in candidates if known.get(n, wanted) == wanted]
        if fitting and known.get(fitting[0][0]) == wanted:
            return fitting[0][0], (fitting[0][1],)
        return None
    if lower == "they" and not any(s == index for _, s in candidates):
        pair = [name for name, s in candidates if s == index - 1]
        if len(pair) == 2:
            return f"{pair[0]} and {pair[1]}", (index - 1,)
    return None


class Openings:
    """Name the "he", "she" or "they" a retold line opens on, for one plot."""

    def __init__(
        self, sentences: tuple[Sentence, ...], characters: tuple[Character, ...]
    ) -> None:
        self.sentences = sentences
        self.names = token_names(sentences, characters)
        self.known = genders(sentences, self.names)

    def _referent(
        self, pronoun: str, sentence_id: int
    ) -> tuple[str, tuple[int, ...]] | None:
        candidates = antecedents(self.sentences, sentence_id, self.names)
        if pronoun == "they" and sentence_id > 0:
            # "They" are a pair that acts together in the sentence before
            # ("Dumbledore and Harry leave"), not any two names in it ("Laura
            # says her affair with George ...").
            acting = self._subject_names(sentence_id - 1)
            candidates = [
                (n, s) for n, s in candidates if s != sentence_id - 1 or n in acting
            ]
        found = referent(pronoun, sentence_id, candidates, self.known)
        if found is None and pronoun in ("he", "she"):
            found = self._introduced(sentence_id)
        return found

    def _is_cataphoric(self, pronoun: str, sentence_id: int, index: int) -> bool:
        """True for a pronoun before its own clause's named subject, which it
        stands for: "His gun drawn, Bell enters" is Bell's gun, whoever the
        sentence before was about."""
        main = subject_index(self.sentences[sentence_id])
        name = self.names[sentence_id].get(main)
        wanted = {"he": "m", "she": "f"}.get(pronoun.lower())
        return (
            name is not None
            and index < main
            and wanted is not None
            and self.known.get(name, wanted) == wanted
        )

    def _subject_names(self, sentence_id: int) -> set[str]:
        """Return the names that are the subject of a clause, or joined to one."""
        tokens = self.sentences[sentence_id].tokens
        subjects = {i for i, t in enumerate(tokens) if t.dep in SUBJECT_DEPS}
        joined = subjects
        while joined:  # "Max, Neil and Tito": each joined to the one before
            joined = {
                i
                for i, t in enumerate(tokens)
                if t.dep == "conj" and t.head in joined and i not in subjects
            }
            subjects |= joined
        found = self.names[sentence_id]
        named = {i for i in found if i in subjects}
        named |= {
            i
            for i in found
            if tokens[i].dep == "compound" and tokens[i].head in subjects
        }
        return {found[i] for i in named}

    def _introduced(self, sentence_id: int) -> tuple[str, tuple[int, ...]] | None:
        """Return the one person the sentence before introduces ("Anton
        Chigurh is a hitman ..."), whom a "he" or "she" right after means."""
        if sentence_id < 1:
            return None
        before = self.sentences[sentence_id - 1]
        named = set(self.names[before.id].values())
        root = next((t for t in before.tokens if t.dep == "ROOT"), None)
        subject = subject_index(before)
        if (
            len(named) == 1
            and root is not None
            and root.lemma.lower() == "be"
            and subject in self.names[before.id]
        ):
            return next(iter(named)), (before.id,)
        return None

    def named_inside(
        self, text: str, sentence: Sentence
    ) -> tuple[str, tuple[int, ...]] | None:
        """Like named(), for a subject "he"/"she"/"they" inside the line's
        opening clause ("When he gets back home he grabs the cash"): the
        first one gets its name; None when the plot leaves it open."""
        tokens = sentence.tokens
        # Only a pronoun before the main clause's named subject, or that
        # subject itself: in "Tom realises he cannot ..." the "he" is Tom.
        main = subject_index(sentence)
        index = next(
            (
                i
                for i, t in enumerate(tokens[: main + 1])
                if t.dep in SUBJECT_DEPS and t.text.lower() in ("he", "she", "they")
            ),
            None,
        )
        if index is None or self._is_cataphoric(tokens[index].text, sentence.id, index):
            return text, (sentence.id,)
        pronoun = tokens[index].text
        found = self._referent(pronoun.lower(), sentence.id)
        words = text.split(" ")
        if found is None or pronoun not in words:
            return None
        at = words.index(pronoun)
        words[at] = found[0]
        return " ".join(words), tuple(sorted({sentence.id, *found[1]}))

    def named(self, text: str, sentence_id: int) -> tuple[str, tuple[int, ...]] | None:
        """Return the text with its opening pronoun replaced by the name and
        the sentences cited for it; the text itself when it opens otherwise;
        None when the plot leaves the pronoun open, or the text opens on
        "this" or "these" of something told before."""
        pronoun = text.split(" ", 1)[0]
        if pronoun in DEMONSTRATIVES:
            return None  # "This owner, Harry finds, ...": the owner is elsewhere.
        subject = POSSESSIVES.get(pronoun.lower(), pronoun.lower())
        if subject not in ("he", "she", "they") or self._is_cataphoric(
            subject, sentence_id, 0
        ):
            return text, (sentence_id,)
        found = self._referent(subject, sentence_id)
        if found is None:
            return None
        name, cited = found
        if subject != pronoun.lower():
            # "Her father" -> "Baby's father"; a pair owns with one "'s".
            name += "'s"
        return name + text[len(pronoun) :], tuple(sorted({sentence_id, *cited}))


def openings_of(doc: StoryDoc) -> Openings:
    """The plot's names and pronouns as the characters component read them.

    A document made without that component (a test's, a custom pipeline's)
    has them read here.
    """
    if doc.openings is not None:
        return doc.openings
    return Openings(doc.sentences or (), doc.characters or ())
