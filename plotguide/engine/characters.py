"""The `characters` component: people of the plot, aliases merged, with evidence."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from plotguide.engine.assertion import is_asserted
from plotguide.engine.doc import Sentence, StoryDoc
from plotguide.engine.film import CastCredit
from plotguide.engine.names import (
    Mention,
    NameVotes,
    credit_keys,
    credit_name_words,
    find_mentions,
    is_group_name,
    vote,
)
from plotguide.engine.places import strip_article
from plotguide.engine.registry import component
from plotguide.engine.story import DERIVED, SOURCE, Character, Line, Relationship

PROTAGONIST = "protagonist"
ANTAGONIST = "antagonist"
SUPPORTING = "supporting"

MAX_CHARACTERS = 25
FULL_CAST = 8
UNCREDITED_MENTIONS_FULL_CAST = 3
# The characters that count as "main" for turning points and the timeline.
MAIN_COUNT = 4
HOSTILE_LEMMAS = frozenset(
    [
        "kill",
        "murder",
        "attack",
        "threaten",
        "kidnap",
        "betray",
        "chase",
        "shoot",
        "stab",
        "poison",
        "torture",
        "blackmail",
        "rob",
        "frame",
        "hunt",
        "capture",
        "abduct",
        "strangle",
        "ambush",
        "assault",
        "rape",
    ]
)
DEATH_ACTIVE = frozenset({"die", "perish", "drown", "succumb"})
DEATH_PASSIVE = frozenset(
    [
        "kill",
        "murder",
        "execute",
        "slay",
        "stab",
        "poison",
        "behead",
        "hang",
        "assassinate",
        "strangle",
        "slaughter",
    ]
)
ARREST_LEMMAS = frozenset({"arrest", "jail", "imprison", "convict", "sentence"})
RELATION_NOUNS = frozenset(
    [
        "wife",
        "husband",
        "daughter",
        "son",
        "father",
        "mother",
        "brother",
        "sister",
        "friend",
        "partner",
        "boss",
        "girlfriend",
        "boyfriend",
        "fiancée",
        "fiancee",
        "fiancé",
        "fiance",
        "lover",
        "mentor",
        "uncle",
        "aunt",
        "cousin",
        "colleague",
        "rival",
        "assistant",
        "grandson",
        "granddaughter",
        "grandfather",
        "grandmother",
        "niece",
        "nephew",
        "neighbor",
        "neighbour",
        "roommate",
        "employer",
        "supervisor",
        "sidekick",
        "ex-wife",
        "ex-husband",
        "stepfather",
        "stepmother",
        "stepson",
        "stepdaughter",
    ]
)


@dataclass
class _Cluster:
    key: tuple[str, ...]
    forms: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    votes: NameVotes = field(default_factory=NameVotes)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.key)


@component("characters", requires=("sentences",))
def build_characters(doc: StoryDoc) -> StoryDoc:
    """Find the plot's people, merge aliases and rank them by salience.

    Credited character names are the strongest signal that a name is a
    person; an actor is named only when exactly one credit matches.
    """
    sentences = doc.sentences or ()
    clusters = _clusters(sentences, doc.film.cast)
    actors = _match_credits(clusters, doc.film.cast)
    # A plot that names an actor ("Jet Li") is not naming a character.
    actor_names = {credit.actor.lower() for credit in doc.film.cast}
    credited_words = frozenset().union(
        *(words for _, words in credit_keys(doc.film.cast))
    )
    keep = [
        c
        for c in clusters
        if id(c) in actors
        or (
            len({m.sentence for m in c.mentions})
            >= (2 if c.words & credited_words else _uncredited_minimum(doc.film.cast))
            or not doc.film.cast
        )
        and not is_group_name(_canonical(c))
        and _canonical(c).lower() not in actor_names
    ]
    scored = sorted(
        ((_salience(c, sentences, actors.get(id(c))), c) for c in keep),
        key=lambda pair: (-pair[0], pair[1].mentions[0].sentence),
    )[:MAX_CHARACTERS]
    roles = _roles(scored, sentences)
    names = {id(c): _canonical(c) for _, c in scored}
    characters = tuple(
        Character(
            name=names[id(c)],
            aliases=tuple(sorted(set(c.forms) - {names[id(c)]})),
            role=roles[id(c)],
            salience=round(score, 3),
            mentions=tuple(sorted({m.sentence for m in c.mentions})),
            actor=actors[id(c)].actor if id(c) in actors else None,
            profile=_profile(c, sentences),
            arc=_arc(c, sentences),
            fate=_fate(c, sentences, names[id(c)]),
            relationships=_relationships(c, scored, names, sentences),
        )
        for score, c in scored
    )
    return replace(doc, characters=characters)


def _uncredited_minimum(cast: tuple[CastCredit, ...]) -> int:
    """Return how many sentences must name an uncredited person to keep them.

    A film with a full cast list credits everyone who matters, so a name it
    leaves out needs more mentions before it becomes a character.
    """
    return UNCREDITED_MENTIONS_FULL_CAST if len(cast) >= FULL_CAST else 2


def _clusters(
    sentences: tuple[Sentence, ...], cast: tuple[CastCredit, ...]
) -> list[_Cluster]:
    """Group name keys into people.

    Anchors are full names the parser or the credits call a person; shorter
    forms ("Raynor", "Jim") then join the one anchor that contains them.
    A span such as "Raynor Cates" whose words belong to two anchors is dropped.
    """
    mentions = find_mentions(sentences)
    votes = vote(sentences, mentions)
    credited = [words for _, words in credit_keys(cast)]
    first_names = {
        words[0].lower().strip(".")
        for credit in cast
        if (
            words := strip_article(
                " ".join(credit_name_words(credit.character))
            ).split()
        )
    }
    by_key: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[mention.key].append(mention)
    order = sorted(
        by_key, key=lambda k: (-len(k), -len(by_key[k]), by_key[k][0].sentence)
    )

    def is_anchor(key: tuple[str, ...]) -> bool:
        v = votes[key]
        # "Mars" the planet is not "Big Daddy Mars": a lone surname the parse
        # only ever calls a place is not that credit ("Sunshine", a first
        # name, still is).
        is_place_surname = (
            len(key) == 1
            and key[0] not in first_names
            and v.person_score == 0
            and v.place + v.locative > 0
        )
        if not is_place_surname and any(set(key) <= words for words in credited):
            return True
        return len(key) >= 2 and v.person_score >= 1 and v.is_person

    clusters: list[_Cluster] = []
    pending = []
    for key in order:
        if not is_anchor(key):
            pending.append(key)
            continue
        homes = [c for c in clusters if set(key) <= c.words]
        _join(homes[0] if len(homes) == 1 else None, key, by_key, votes, clusters)
    loose: list[_Cluster] = []
    for key in pending:
        homes = [c for c in clusters if set(key) <= c.words]
        split_across = sum(1 for c in clusters if set(key) & c.words) >= 2
        if homes:
            home = max(homes, key=lambda c: (len(c.mentions), -c.mentions[0].sentence))
            _join(home, key, by_key, votes, clusters)
        elif not split_across:
            homes = [c for c in loose if set(key) <= c.words]
            _join(homes[0] if homes else None, key, by_key, votes, loose)
    people = clusters + [c for c in loose if c.votes.is_person]
    _find_more_mentions(people, sentences)
    for cluster in people:
        cluster.mentions.sort(key=lambda m: (m.sentence, m.start))
    return people


def _find_more_mentions(
    clusters: list[_Cluster], sentences: tuple[Sentence, ...]
) -> None:
    """Add mentions the tagger missed by matching every known name form.

    The small model tags some surnames as common nouns ("Gaines is wary"),
    so a name seen once as a person is looked for everywhere by its spelling.
    """
    forms: dict[str, list[tuple[tuple[str, ...], _Cluster]]] = defaultdict(list)
    for cluster in clusters:
        for form in cluster.forms:
            words = tuple(form.split())
            forms[words[0]].append((words, cluster))
    for options in forms.values():
        options.sort(key=lambda option: -len(option[0]))
    taken = {(m.sentence, m.start) for c in clusters for m in c.mentions}
    covered = {
        (m.sentence, i)
        for c in clusters
        for m in c.mentions
        for i in range(m.start, m.end)
    }
    for sentence in sentences:
        texts = [t.text for t in sentence.tokens]
        for start, text in enumerate(texts):
            if text not in forms or (sentence.id, start) in covered:
                continue
            for words, cluster in forms[text]:
                end = start + len(words)
                if (
                    tuple(texts[start:end]) == words
                    and (sentence.id, start) not in taken
                ):
                    key = tuple(w.lower() for w in words)
                    cluster.mentions.append(
                        Mention(sentence.id, start, end, key, " ".join(words), "")
                    )
                    covered.update((sentence.id, i) for i in range(start, end))
                    break


def _join(
    home: _Cluster | None,
    key: tuple[str, ...],
    by_key: dict[tuple[str, ...], list[Mention]],
    votes: dict[tuple[str, ...], NameVotes],
    clusters: list[_Cluster],
) -> None:
    if home is None:
        home = _Cluster(key)
        clusters.append(home)
    home.votes = home.votes + votes[key]
    for mention in by_key[key]:
        home.mentions.append(mention)
        home.forms[mention.surface] += 1
        if mention.title:
            home.titles[mention.title] += 1


def _match_credits(
    clusters: list[_Cluster], cast: tuple[CastCredit, ...]
) -> dict[int, CastCredit]:
    """Pair clusters with credits only when the match is unambiguous."""
    keys = credit_keys(cast)
    claims: dict[int, list[int]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        exact = [n for n, (_, words) in enumerate(keys) if words == cluster.words]
        wider = [
            n
            for n, (_, words) in enumerate(keys)
            if cluster.words < words or (words < cluster.words and len(words) >= 1)
        ]
        options = exact or wider
        if len(options) == 1:
            claims[options[0]].append(index)
    matched = {}
    for credit_index, owners in claims.items():
        owner = max(owners, key=lambda i: (len(clusters[i].mentions), -i))
        matched[id(clusters[owner])] = keys[credit_index][0]
    return matched


def _salience(
    cluster: _Cluster, sentences: tuple[Sentence, ...], credit: CastCredit | None
) -> float:
    sentence_count = len({m.sentence for m in cluster.mentions})
    subject_count = sum(
        1
        for m in cluster.mentions
        if sentences[m.sentence].tokens[m.end - 1].dep in ("nsubj", "nsubjpass")
    )
    score = sentence_count + 0.5 * subject_count
    if credit is not None and credit.order is not None and credit.order < 3:
        score += 3 - credit.order
    return score


def _roles(
    scored: list[tuple[float, _Cluster]], sentences: tuple[Sentence, ...]
) -> dict[int, str]:
    roles = {id(c): SUPPORTING for _, c in scored}
    if not scored:
        return roles
    top = scored[0][0]
    protagonists = [c for score, c in scored[:2] if score >= 0.85 * top]
    for cluster in protagonists:
        roles[id(cluster)] = PROTAGONIST
    hostile = []
    for score, cluster in scored:
        if id(cluster) in {id(p) for p in protagonists}:
            continue
        count = sum(
            1
            for m in cluster.mentions
            if _agent_of(sentences[m.sentence], m) & HOSTILE_LEMMAS
        )
        if count >= 1 and len(cluster.mentions) >= 2:
            hostile.append((count, score, cluster))
    if hostile:
        roles[id(max(hostile, key=lambda h: (h[0], h[1]))[2])] = ANTAGONIST
    return roles


def _agent_of(sentence: Sentence, mention: Mention) -> frozenset[str]:
    """Return lemmas of verbs this mention is the active subject of."""
    head = sentence.tokens[mention.end - 1]
    if head.dep != "nsubj":
        return frozenset()
    verb = sentence.tokens[head.head]
    lemmas = {verb.lemma.lower()}
    lemmas.update(
        t.lemma.lower()
        for t in sentence.tokens
        if t.dep == "conj" and sentence.tokens[t.head] is verb
    )
    return frozenset(lemmas)


def _is_doubled(form: str) -> bool:
    """True for a name written twice over ("Al Al", "Jim Raynor Jim Raynor")."""
    words = form.split()
    half = len(words) // 2
    return len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]


def _canonical(cluster: _Cluster) -> str:
    """Return the fullest name form, keeping an honorific for a bare surname.

    A doubled form is never chosen: it is an artefact of stripped links or
    of a credit matched onto its own mention, not a longer name.
    """
    forms = [f for f in cluster.forms if not _is_doubled(f)] or list(cluster.forms)
    longest = max(forms, key=lambda f: (len(f.split()), cluster.forms[f], f))
    if len(longest.split()) == 1 and cluster.titles:
        title = cluster.titles.most_common(1)[0][0]
        if title.lower() != longest.lower():
            return f"{title} {longest}"
    return longest


def _profile(cluster: _Cluster, sentences: tuple[Sentence, ...]) -> tuple[Line, ...]:
    """Return the sentence that introduces the character (a copula or apposition)."""
    first = cluster.mentions[0].sentence
    for mention in cluster.mentions[:4]:
        sentence = sentences[mention.sentence]
        head = sentence.tokens[mention.end - 1]
        verb = sentence.tokens[head.head]
        is_intro = (head.dep == "nsubj" and verb.lemma == "be") or any(
            t.dep == "appos" and t.head == mention.end - 1 for t in sentence.tokens
        )
        if is_intro:
            return (Line(sentence.text, (sentence.id,), SOURCE),)
    return (Line(sentences[first].text, (first,), SOURCE),)


def _arc(cluster: _Cluster, sentences: tuple[Sentence, ...]) -> tuple[Line, ...]:
    first, last = cluster.mentions[0].sentence, cluster.mentions[-1].sentence
    ids = (first,) if first == last else (first, last)
    return tuple(Line(sentences[i].text, (i,), SOURCE) for i in ids)


def _fate(cluster: _Cluster, sentences: tuple[Sentence, ...], name: str) -> Line | None:
    """Return how the character ends up, when the plot says so plainly."""
    for mention in reversed(cluster.mentions):
        sentence = sentences[mention.sentence]
        outcome = fate_of(sentence, mention.end - 1)
        if outcome:
            return Line(f"{name} {outcome}.", (sentence.id,), DERIVED)
    return None


def fate_of(sentence: Sentence, index: int) -> str:
    """Return "dies", "is killed" or "is arrested" when the parse says so."""
    tokens = sentence.tokens
    token = tokens[index]
    verb = tokens[token.head]
    lemma = verb.lemma.lower()
    # "nearly killed", "tries to kill", "believes she died": no fate.
    asserted = is_asserted(tokens, token.head)
    if token.dep == "nsubj" and lemma in DEATH_ACTIVE and asserted:
        return "dies"
    for clause_index, clause in enumerate(tokens):
        if clause.dep == "relcl" and clause.head == index:
            relative = [
                t for t in tokens if t.head == clause_index and t.dep == "nsubj"
            ]
            is_who = bool(relative) and relative[0].text.lower() == "who"
            if (
                clause.lemma.lower() in DEATH_ACTIVE
                and is_who
                and is_asserted(tokens, clause_index)
            ):
                return "dies"
    if not asserted or token.dep not in ("nsubjpass", "dobj"):
        return ""
    if lemma in DEATH_PASSIVE:
        return "is killed"
    if lemma in ARREST_LEMMAS:
        return "is arrested"
    return ""


def _relationships(
    cluster: _Cluster,
    scored: list[tuple[float, _Cluster]],
    names: dict[int, str],
    sentences: tuple[Sentence, ...],
) -> tuple[Relationship, ...]:
    mine = {m.sentence for m in cluster.mentions}
    found = []
    for _, other in scored[:8]:
        if other is cluster:
            continue
        shared = sorted(mine & {m.sentence for m in other.mentions})
        if not shared:
            continue
        kind = _relation_word(cluster, other, sentences, shared)
        if kind or len(shared) >= 2:
            found.append(
                Relationship(
                    names[id(other)], kind or "shares scenes", tuple(shared[:3])
                )
            )
    return tuple(found)


def _relation_word(
    cluster: _Cluster,
    other: _Cluster,
    sentences: tuple[Sentence, ...],
    shared: list[int],
) -> str:
    """Find "X's wife Y" or "Y, X's wife" in shared sentences."""
    for sentence_id in shared:
        tokens = sentences[sentence_id].tokens
        for mention in (m for m in other.mentions if m.sentence == sentence_id):
            window = tokens[mention.end : mention.end + 3]
            if (
                len(window) == 3
                and window[0].text in ("'s", "’s")
                and window[1].lemma.lower() in RELATION_NOUNS
            ):
                noun = window[1].text.lower()
                if any(
                    m.sentence == sentence_id
                    and mention.end + 2 <= m.start <= mention.end + 3
                    for m in cluster.mentions
                ):
                    return f"{noun} of"
        for mention in (m for m in cluster.mentions if m.sentence == sentence_id):
            window = tokens[mention.end : mention.end + 3]
            if (
                len(window) >= 2
                and window[0].text in ("'s", "’s")
                and window[1].lemma.lower() in RELATION_NOUNS
                and any(
                    m.sentence == sentence_id
                    and mention.end + 2 <= m.start <= mention.end + 3
                    for m in other.mentions
                )
            ):
                return window[1].text.lower()
    return ""
