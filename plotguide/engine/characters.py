"""The `characters` component: people of the plot, aliases merged, with evidence.

One character per person: the plot's names for someone ("Tony Stark",
"Stark", "Iron Man") are claimed by the credited person they can only mean
(`cast_match`), so each person has one profile and the credited actor. A
name the credits leave out is a character when the parse calls it a person
often enough; groups, institutions, places, nationalities and families
("the Gallaghers") are not characters.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from plotguide.engine.assertion import is_asserted
from plotguide.engine.cast_match import (
    Claim,
    CreditedPerson,
    Key,
    claim_keys,
    credited_people,
    is_family_name,
    names_agree,
    part_groups,
)
from plotguide.engine.credits import name_word, split_words
from plotguide.engine.doc import Sentence, StoryDoc, Token
from plotguide.engine.film import CastCredit
from plotguide.engine.frames import is_framed
from plotguide.engine.names import (
    Mention,
    NameVotes,
    credit_keys,
    find_mentions,
    has_place_head,
    is_family_plural,
    is_group_name,
    vote,
)
from plotguide.engine.referents import Openings
from plotguide.engine.registry import component
from plotguide.engine.roles import (
    GENDERED_WORDS,
    Candidate,
    assign_roles,
    gender_clues,
)
from plotguide.engine.story import DERIVED, SOURCE, Character, Line, Relationship

MAX_CHARACTERS = 25
FULL_CAST = 8
UNCREDITED_MENTIONS_FULL_CAST = 3
# The characters that count as "main" for turning points and the timeline.
MAIN_COUNT = 4
# Billing adds to a lead's salience: 3 for the first billed, 2, then 1.
BILLED_LEADS = 3
# "succumbs" alone is not here: Charlie Bucket "succumbs to temptation".
DEATH_ACTIVE = frozenset({"die", "perish", "drown"})
DEATH_PASSIVE = frozenset(
    [
        "kill",
        "murder",
        "execute",
        "slay",
        "behead",
        "assassinate",
        "slaughter",
    ]
)
# A stabbing or a poisoning kills only when the sentence says so: "fatally
# stabs Bernie", "strangled to death"; "stabs the Driver" leaves him alive.
MAYBE_FATAL = frozenset({"stab", "poison", "strangle", "hang", "shoot", "beat"})
ARREST_LEMMAS = frozenset({"arrest", "jail", "imprison", "convict", "sentence"})
# Words that take a fate back later in the plot.
UNARREST_LEMMAS = frozenset(
    {"escape", "release", "free", "acquit", "pardon", "exonerate", "parole", "bail"}
)
REVIVE_LEMMAS = frozenset({"revive", "resurrect", "resuscitate"})
# The words between two names that make them one person under a new name.
RENAMING = re.compile(
    r"[(,]? ?(?:who )?(?:is )?(?:now |later |since |also )?"
    r"(?:known as|calling (?:him|her)self|calls (?:him|her)self|going by|goes by"
    r"|alias|aka|a\.k\.a\.|renamed|formerly|née|né)"
)
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
    """One person's mentions; ``person`` is set when the credits name them."""

    key: tuple[str, ...]
    forms: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    votes: NameVotes = field(default_factory=NameVotes)
    person: CreditedPerson | None = None
    part: int = 0

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.key)


@component("characters", requires=("sentences",))
def build_characters(doc: StoryDoc) -> StoryDoc:
    """Find the plot's people, merge aliases and rank them by salience.

    Credited people are always characters and carry their actor; uncredited
    names must look like people and recur.
    """
    sentences = doc.sentences or ()
    cast = doc.film.cast
    plot_names = _written_as_names(sentences)
    clusters = _clusters(sentences, credited_people(cast, plot_names))
    keep = [
        c for c in clusters if c.person or _is_uncredited_character(c, clusters, cast)
    ]
    subjects = {id(c): _subject_count(c, sentences) for c in keep}
    scored = sorted(
        ((_salience(c, subjects[id(c)]), c) for c in keep),
        key=lambda pair: (-pair[0], pair[1].mentions[0].sentence),
    )[:MAX_CHARACTERS]
    candidates = [
        Candidate(
            tuple(c.mentions),
            score,
            c.person.rank if c.person else None,
            subjects[id(c)],
        )
        for score, c in scored
    ]
    roles = dict(
        zip(
            (id(c) for _, c in scored), assign_roles(candidates, sentences), strict=True
        )
    )
    names = {id(c): _canonical(c) for _, c in scored}
    characters = tuple(
        Character(
            name=names[id(c)],
            aliases=_aliases(c, names[id(c)]),
            role=roles[id(c)],
            salience=round(score, 3),
            mentions=tuple(sorted({m.sentence for m in c.mentions})),
            actor=_shown_actor(c, names[id(c)], plot_names),
            profile=_profile(c, sentences),
            arc=_arc(c, sentences),
            fate=_fate(c, sentences, names[id(c)]),
            relationships=_relationships(c, scored, names, sentences),
        )
        for score, c in scored
    )
    return replace(doc, characters=characters, openings=Openings(sentences, characters))


def _written_as_names(sentences: tuple[Sentence, ...]) -> frozenset[str]:
    """Return the words the plot capitalises in mid-sentence at least twice,
    as a name: "the Driver" of Drive, whose lead the credits call Driver."""
    counts: Counter[str] = Counter(
        token.text
        for sentence in sentences
        for index, token in enumerate(sentence.tokens)
        if index > 0
        and token.text[:1].isupper()
        and token.text[1:].islower()
        and sentence.tokens[index - 1].text not in (".", ":", '"', "“")
    )
    return frozenset(word for word, count in counts.items() if count >= 2)


def _shown_actor(
    cluster: _Cluster, name: str, plot_names: frozenset[str]
) -> str | None:
    """Return the credited actor when a shown name holds a credited word or
    one spelt like it ("Vargas" for the credit "Vargus"), as the
    faithfulness check pairs them."""
    if cluster.person is None:
        return None
    shown = {w.lower() for form in (name, *cluster.forms) for w in form.split()}
    credit = (cluster.person.credit,)
    credited = frozenset(
        w for _, words in credit_keys(credit, plot_names) for w in words
    )
    return cluster.person.credit.actor if names_agree(shown, credited) else None


def _aliases(cluster: _Cluster, name: str) -> tuple[str, ...]:
    """Every other form of the name; the name without its quotes is not one."""
    plain = name.replace('"', "")
    return tuple(sorted(f for f in cluster.forms if f not in (name, plain)))


def _is_uncredited_character(
    cluster: _Cluster, clusters: list[_Cluster], cast: tuple[CastCredit, ...]
) -> bool:
    """Keep an uncredited name that recurs and reads as one person.

    A name sharing a word with a credited person needs two sentences; other
    names need three when the film credits a full cast, which left them out.
    Groups, families, lone titles and the actors' own names ("Jet Li") are
    not characters.
    """
    name = _canonical(cluster)
    credited = frozenset().union(*(c.person.words for c in clusters if c.person))
    needed = 2 if cluster.words & credited or not cast else _uncredited_minimum(cast)
    surnames = frozenset(c.key[-1] for c in clusters if len(c.key) >= 2) | frozenset(
        part.words[-1]
        for c in clusters
        if c.person
        for part in c.person.parts
        if part.words
    )
    return (
        len({m.sentence for m in cluster.mentions}) >= needed
        and cluster.votes.is_person
        and not is_group_name(name)
        and not is_family_plural(cluster.key, surnames)
        and name.lower() not in {credit.actor.lower() for credit in cast}
    )


def _uncredited_minimum(cast: tuple[CastCredit, ...]) -> int:
    """Return how many sentences must name an uncredited person to keep them.

    A film with a full cast list credits everyone who matters, so a name it
    leaves out needs more mentions before it becomes a character.
    """
    return UNCREDITED_MENTIONS_FULL_CAST if len(cast) >= FULL_CAST else 2


def _clusters(
    sentences: tuple[Sentence, ...], people: list[CreditedPerson]
) -> list[_Cluster]:
    """Group the plot's names into people: credited ones first, then the rest."""
    mentions = _with_credited_ages(find_mentions(sentences), people)
    votes = vote(sentences, mentions)
    by_key: dict[Key, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[mention.key].append(mention)
    claims, ambiguous = claim_keys(
        by_key,
        people,
        lambda key: _is_place(votes[key]) or _named_as_a_place(key, votes[key]),
        lambda key: _is_nobody(votes[key]),
        _two_people(by_key, sentences),
        lambda key: frozenset(name_word(m.title) for m in by_key[key] if m.title),
    )
    credited = _credited_clusters(sentences, people, by_key, votes, claims)
    rest = [key for key in by_key if key not in claims and key not in ambiguous]
    uncredited = _uncredited_clusters(rest, by_key, votes, credited)
    left = _fold_fuller_forms(uncredited, credited, by_key)
    clusters = credited + _fold_renamed(left, credited, sentences)
    _find_more_mentions(clusters, sentences)
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: (m.sentence, m.start))
    return clusters


def _two_people(
    by_key: dict[Key, list[Mention]], sentences: tuple[Sentence, ...]
) -> Callable[[Key, Key], bool]:
    """Return whether the plot shows two names as two people: one is only
    ever called a man and the other a woman ("her father, Major Petrovich";
    "his daughter Maritza")."""
    genders: dict[Key, str] = {}

    def gender(key: Key) -> str:
        if key not in genders:
            clues = {
                clue
                for m in by_key.get(key, ())
                for clue in gender_clues(sentences[m.sentence].tokens, m.end - 1)
                + [GENDERED_WORDS.get(name_word(m.title), "")]
            } - {""}
            genders[key] = clues.pop() if len(clues) == 1 else ""
        return genders[key]

    def two(a: Key, b: Key) -> bool:
        return bool(gender(a) and gender(b)) and gender(a) != gender(b)

    return two


def _with_credited_ages(
    mentions: list[Mention], people: list[CreditedPerson]
) -> list[Mention]:
    """Keep an age word read as a title in the name when a credit is that name:
    Looper's "Old Joe" is Bruce Willis's credit, not a titled "Joe"."""
    credited = {part.words for person in people for part in person.parts if part.age}
    return [
        replace(
            m,
            key=(name_word(m.title), *m.key),
            surface=f"{m.title} {m.surface}",
            title="",
        )
        if m.title and (name_word(m.title), *m.key) in credited
        else m
        for m in mentions
    ]


def _fold_fuller_forms(
    uncredited: list[_Cluster],
    credited: list[_Cluster],
    by_key: dict[Key, list[Mention]],
) -> list[_Cluster]:
    """Fold an uncredited full name into the credited person the plot calls by
    its other word alone, and return the uncredited clusters left.

    "Sun" joins the credit "Sun Yat-Sen"; "Sun Wen", the plot's other name for
    him, is then him too, and so are "Honest John" beside "John" and "Chen
    Shaobai" beside "Chen". A first word the plot also uses alone ("Scott" of
    "Scott Howard" beside "Todd Howard"; not "Honest" cut by the parser from
    "Honest John") is someone else's name, and so is
    another given name before the credited family name: "Sanford Babbitt" is
    the father of the credited "Raymond Babbitt", not Raymond.
    """
    credited_words = frozenset().union(*(c.person.words for c in credited if c.person))
    left = []
    for cluster in uncredited:
        homes = [
            home
            for home in credited
            if len(cluster.key) >= 2
            and any(
                len(form.split()) == 1
                and form.lower() in cluster.words
                and not _is_relative(cluster, home, form.lower())
                for form in home.forms
            )
        ]
        if len(homes) > 1:
            # "Henry Lazar" beside "Henry" and "Madame Lazar": the given name
            # says who.
            homes = [
                h
                for h in homes
                if any(f.lower() == cluster.key[0] for f in h.forms if " " not in f)
            ]
        others = cluster.words - frozenset(w for h in homes for w in h.words)
        # A family name another credit holds ("Lazar" of "Madame Lazar") is
        # still this person's surname: "Henry Lazar" is the credited "Henry".
        family = others == {cluster.key[-1]}
        if len(homes) == 1 and (
            _older_self(cluster, homes[0])
            or (
                (family or not others & credited_words)
                and (family or not any(_alone(w, cluster, by_key) for w in others))
            )
        ):
            _merge(cluster, homes[0])
        else:
            left.append(cluster)
    return left


def _fold_renamed(
    uncredited: list[_Cluster],
    credited: list[_Cluster],
    sentences: tuple[Sentence, ...],
) -> list[_Cluster]:
    """Fold an uncredited name into the credited person the plot says it
    became, and return the uncredited clusters left.

    X-Men: First Class credits only "Sebastian Shaw", whom the plot first
    calls "Dr. Klaus Schmidt" and then "Schmidt (now known as Sebastian
    Shaw)": one villain, not a second character without an actor.
    """
    left = []
    for cluster in uncredited:
        homes = {
            id(home): home
            for home in credited
            for mine in cluster.mentions
            for theirs in home.mentions
            if _renamed(sentences[mine.sentence].tokens, mine, theirs)
        }
        if len(homes) == 1:
            _merge(cluster, *homes.values())
        else:
            left.append(cluster)
    return left


def _merge(cluster: _Cluster, home: _Cluster) -> None:
    """Make the cluster's mentions, forms and titles the home's."""
    home.votes = home.votes + cluster.votes
    home.mentions += cluster.mentions
    home.forms.update(cluster.forms)
    home.titles.update(cluster.titles)


def _renamed(tokens: tuple[Token, ...], a: Mention, b: Mention) -> bool:
    """Whether a sentence gives one of two names as the other's new or old
    name: "Schmidt (now known as Sebastian Shaw", "Lensherr, now calling
    himself Magneto", "Shaw, formerly Schmidt"."""
    if a.sentence != b.sentence:
        return False
    first, second = sorted((a, b), key=lambda m: m.start)
    between = " ".join(t.text for t in tokens[first.end : second.start])
    return RENAMING.fullmatch(between.lower()) is not None


def _alone(word: str, cluster: _Cluster, by_key: dict[Key, list[Mention]]) -> bool:
    """Whether the plot writes a word of the cluster's name as a name by itself,
    not as a piece the parser cut from the whole ("Honest" | "John")."""
    pieces = [
        m for key, found in by_key.items() if set(key) <= cluster.words for m in found
    ]
    starts = {(m.sentence, m.start) for m in pieces}
    ends = {(m.sentence, m.end) for m in pieces}
    return any(
        (m.sentence, m.end) not in starts and (m.sentence, m.start) not in ends
        for m in by_key.get((word,), ())
    )


def _older_self(cluster: _Cluster, home: _Cluster) -> bool:
    """Whether a full name is the credited person at another age under
    another name: Titanic's "Rose Dawson Calvert" is Rose DeWitt Bukater, whose
    "Old Rose" is credited beside her, though Jack Dawson holds "Dawson"."""
    person = home.person
    if person is None or not person.other_ages:
        return False
    given = person.parts[home.part].words[:1]
    return bool(given) and cluster.key[0] == given[0]


def _is_relative(cluster: _Cluster, home: _Cluster, word: str) -> bool:
    """True when the cluster shares only home's credited family name, with a
    given name of its own before it ("Sanford Babbitt" beside "Raymond Babbitt")."""
    return (
        home.person is not None
        and cluster.key[-1] == word
        and cluster.key[0] not in home.person.words
        and is_family_name((word,), home.person)
    )


def _is_nobody(votes: NameVotes) -> bool:
    """True for a name the parse never calls a person but a place, an
    organisation or a modifier ("Polish troops", "the SS")."""
    others = votes.place + votes.locative + votes.other + votes.modifier
    return votes.person_score == 0 and others > 0


def _is_place(votes: NameVotes) -> bool:
    """True for a name the parse only ever calls a place ("Mars")."""
    return votes.person_score == 0 and votes.place + votes.locative > 0


def _named_as_a_place(key: Key, votes: NameVotes) -> bool:
    """True for "Karl-Marx-Stadt": a name that ends on a place word and that
    the parse does not show as a person, though it calls it one once."""
    return has_place_head(key) and not votes.is_person


def _credited_clusters(
    sentences: tuple[Sentence, ...],
    people: list[CreditedPerson],
    by_key: dict[Key, list[Mention]],
    votes: dict[Key, NameVotes],
    claims: dict[Key, Claim],
) -> list[_Cluster]:
    """Return one cluster per credited person the plot names.

    One actor's several parts in one credit ("Mandrake / Muffley /
    Strangelove") become a cluster per part when the plot shows two of
    them as two people.
    """
    keys_of: dict[int, list[Key]] = defaultdict(list)
    for key, claim in claims.items():
        keys_of[claim.person].append(key)
    clusters = []
    for index, keys in sorted(keys_of.items()):
        person = people[index]
        mentions = [m for key in keys for m in by_key[key]]
        groups = part_groups(sentences, mentions, claims, person.parts)
        for group in groups:
            group_keys = [key for key in keys if claims[key].part in group]
            if not group_keys:
                continue
            words = {w for n in group for w in person.parts[n].words}
            words.update(w for key in group_keys for w in key)
            part = min(claims[key].part for key in group_keys) if len(groups) > 1 else 0
            cluster = _Cluster(tuple(sorted(words)), person=person, part=part)
            for key in group_keys:
                _join(cluster, key, by_key, votes)
            clusters.append(cluster)
    return clusters


def _uncredited_clusters(
    keys: list[Key],
    by_key: dict[Key, list[Mention]],
    votes: dict[Key, NameVotes],
    credited: list[_Cluster],
) -> list[_Cluster]:
    """Group the names the credits leave out into people.

    Anchors are full names the parser calls a person; shorter forms
    ("Raynor", "Jim") then join the one anchor that contains them. A span
    such as "Raynor Cates" whose words belong to two people is dropped.
    """
    order = sorted(
        keys, key=lambda k: (-len(k), -len(by_key[k]), by_key[k][0].sentence)
    )
    anchors: list[_Cluster] = []
    pending = []
    for key in order:
        v = votes[key]
        if not (len(key) >= 2 and v.person_score >= 1 and v.is_person):
            pending.append(key)
            continue
        homes = [c for c in anchors if set(key) <= c.words]
        _add(homes[0] if len(homes) == 1 else None, key, by_key, votes, anchors)
    loose: list[_Cluster] = []
    for key in pending:
        homes = [c for c in anchors + credited if set(key) <= c.words]
        split_across = sum(1 for c in anchors + credited if set(key) & c.words) >= 2
        if homes:
            home = max(homes, key=lambda c: (len(c.mentions), -c.mentions[0].sentence))
            _join(home, key, by_key, votes)
        elif not split_across:
            homes = [c for c in loose if set(key) <= c.words]
            _add(homes[0] if homes else None, key, by_key, votes, loose)
    return anchors + [c for c in loose if c.votes.is_person]


def _add(
    home: _Cluster | None,
    key: Key,
    by_key: dict[Key, list[Mention]],
    votes: dict[Key, NameVotes],
    clusters: list[_Cluster],
) -> None:
    """Join the key to its home, or start a new cluster with it."""
    if home is None:
        home = _Cluster(key)
        clusters.append(home)
    _join(home, key, by_key, votes)


def _join(
    home: _Cluster,
    key: Key,
    by_key: dict[Key, list[Mention]],
    votes: dict[Key, NameVotes],
) -> None:
    home.votes = home.votes + votes[key]
    for mention in by_key[key]:
        home.mentions.append(mention)
        home.forms[mention.surface] += 1
        if mention.title:
            home.titles[mention.title] += 1


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


def _salience(cluster: _Cluster, subjects: int) -> float:
    """Sentences naming the character, half a point per subject, and billing."""
    sentence_count = len({m.sentence for m in cluster.mentions})
    score = sentence_count + 0.5 * subjects
    if cluster.person is not None and cluster.person.rank < BILLED_LEADS:
        score += BILLED_LEADS - cluster.person.rank
    return score


def _subject_count(cluster: _Cluster, sentences: tuple[Sentence, ...]) -> int:
    """How many of the character's mentions are a clause's subject."""
    return sum(
        1
        for m in cluster.mentions
        if sentences[m.sentence].tokens[m.end - 1].dep in ("nsubj", "nsubjpass")
    )


def _is_doubled(form: str) -> bool:
    """True for a name written twice over ("Al Al", "Jim Raynor Jim Raynor")."""
    words = form.split()
    half = len(words) // 2
    return len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]


def _canonical(cluster: _Cluster) -> str:
    """Return the fullest name form, keeping an honorific for a bare surname.

    A credited person is named by the fullest form of their first credited
    name ("Tony Stark", not "Iron Man"), a nickname in quotes inside it
    (Frances "Baby" Houseman), or by a fuller name the plot writes more often
    than the credited word alone ("Honest John" for "John Worthington
    Foulfellow"). A doubled form is never chosen: it is an artefact of
    stripped links or of a credit matched onto its own mention.
    """
    forms = [f for f in cluster.forms if not _is_doubled(f)] or list(cluster.forms)
    if cluster.person is not None:
        part = cluster.person.parts[cluster.part]
        words = {w for form in part.forms for w in form}
        own = [f for f in forms if _form_key(f) <= words]
        if not part.title and all(" " not in f for f in own):
            # Not for a titled credit: "Mrs. Whittaker" is not "Jim Whittaker".
            own += [
                f
                for f in forms
                if cluster.forms[f] > sum(cluster.forms[o] for o in own)
                and any(_form_key(o) < _form_key(f) for o in own)
            ]
        forms = own or forms
    longest = max(forms, key=lambda f: (len(split_words(f)), cluster.forms[f], f))
    if len(longest.split()) == 1 and cluster.person is not None:
        # A part credited by one name keeps its credited title, or the one
        # the plot writes before that name ("Major Petrovich" for the credit
        # "Petrovitch"), or none: Dick Van Dyke's "Bert/Mr. Dawes, Sr." is
        # Bert, not "Mr. Bert".
        part = cluster.person.parts[cluster.part]
        if len(part.words) == 1:
            written = Counter(
                m.title for m in cluster.mentions if m.surface == longest and m.title
            )
            title = part.title or next(iter(written.most_common(1)), ("", 0))[0]
            return (
                f"{title} {longest}"
                if title
                else _quote_nicknames(longest, part.nicknames)
            )
    if len(longest.split()) == 1 and cluster.titles:
        title = cluster.titles.most_common(1)[0][0]
        if title.lower() != longest.lower():
            return f"{title} {longest}"
    if cluster.person is not None:
        return _quote_nicknames(longest, cluster.person.parts[cluster.part].nicknames)
    return longest


def _form_key(form: str) -> set[str]:
    return {name_word(w) for w in split_words(form)}


def _quote_nicknames(form: str, nicknames: tuple[tuple[str, ...], ...]) -> str:
    """Quote a credited nickname inside a full name: Frances "Baby" Houseman."""
    if '"' in form:
        return form  # the plot wrote it so already
    words = form.split()
    keys = [name_word(w) for w in words]
    for nickname in nicknames:
        size = len(nickname)
        for start in range(1, len(words) - size):
            if tuple(keys[start : start + size]) == nickname:
                words[start] = f'"{words[start]}'
                words[start + size - 1] = f'{words[start + size - 1]}"'
                return " ".join(words)
    return form


def _profile(cluster: _Cluster, sentences: tuple[Sentence, ...]) -> tuple[Line, ...]:
    """Return the sentence that introduces the character (a copula or apposition),
    never one told inside a frame ("Harry is dead", in a world that never was)."""
    mentions = [m for m in cluster.mentions if _tells_the_story(sentences[m.sentence])]
    if not mentions:
        return ()
    first = mentions[0].sentence
    for mention in mentions[:4]:
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
    whole = [
        m.sentence for m in cluster.mentions if _tells_the_story(sentences[m.sentence])
    ]
    if not whole:
        return ()
    first, last = whole[0], whole[-1]
    ids = (first,) if first == last else (first, last)
    return tuple(Line(sentences[i].text, (i,), SOURCE) for i in ids)


def _tells_the_story(sentence: Sentence) -> bool:
    """A whole sentence of the story's own world, fit to quote of a character."""
    return not sentence.is_fragment and not is_framed(sentence)


def _fate(cluster: _Cluster, sentences: tuple[Sentence, ...], name: str) -> Line | None:
    """Return how the character ends up, when the plot says so plainly."""
    for mention in reversed(cluster.mentions):
        sentence = sentences[mention.sentence]
        outcome = fate_of(sentence, mention.end - 1)
        if outcome:
            later = [
                sentences[m.sentence]
                for m in cluster.mentions
                if m.sentence >= sentence.id
            ]
            if _undone(outcome, later):
                return None
            return Line(f"{name} {outcome}.", (sentence.id,), DERIVED)
    return None


def _undone(outcome: str, later: list[Sentence]) -> bool:
    """Whether the plot takes the fate back: Stanley is arrested, then "all
    charges against Stanley are dropped"; a death, then "is revived"."""
    undoing = UNARREST_LEMMAS if outcome == "is arrested" else REVIVE_LEMMAS
    for sentence in later:
        lemmas = [t.lemma.lower() for t in sentence.tokens]
        if any(lemma in undoing for lemma in lemmas):
            return True
        if outcome == "is arrested" and (_lets_go(lemmas) or _cleared(lemmas)):
            return True
    return False


def _cleared(lemmas: list[str]) -> bool:
    """True for "all charges against Stanley are dropped"."""
    return "charge" in lemmas and ("drop" in lemmas or "clear" in lemmas)


def _lets_go(lemmas: list[str]) -> bool:
    """True for "let Stanley go" and "lets him go free"."""
    return any(
        lemma == "let" and "go" in lemmas[index + 1 : index + 4]
        for index, lemma in enumerate(lemmas)
    )


def fate_of(sentence: Sentence, index: int) -> str:
    """Return "dies", "is killed" or "is arrested" when the parse says so."""
    tokens = sentence.tokens
    token = tokens[index]
    verb = tokens[token.head]
    lemma = verb.lemma.lower()
    # "nearly killed", "tries to kill", "believes she died": no fate.
    asserted = is_asserted(tokens, token.head)
    # "the Driver drowns him": a death verb with an object is a killing.
    has_object = any(t.head == token.head and t.dep == "dobj" for t in tokens)
    if token.dep == "nsubj" and lemma in DEATH_ACTIVE and asserted and not has_object:
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
    if _held_by_a_participle(tokens, index):
        return ""
    fatal = lemma in MAYBE_FATAL and _said_fatal(tokens, token.head)
    if lemma in DEATH_PASSIVE or fatal:
        return "is killed"
    if lemma in ARREST_LEMMAS:
        return "is arrested"
    return ""


def _held_by_a_participle(tokens: tuple[Token, ...], index: int) -> bool:
    """True for "kill the Uruk-hai holding Merry", which the parse reads as
    "kill [the Uruk-hai holding] Merry": a participle before the name is a
    verb whose object the name is, never the name's description."""
    return any(
        t.head == index and t.dep == "amod" and t.tag == "VBG" and i < index
        for i, t in enumerate(tokens)
    )


def _said_fatal(tokens: tuple[Token, ...], at: int) -> bool:
    """True when the verb at ``at`` is done "fatally"/"mortally" or "to death"."""
    for index, token in enumerate(tokens):
        if token.head != at:
            continue
        if token.lemma.lower() in ("fatally", "mortally"):
            return True
        if token.text.lower() == "to" and any(
            t.head == index and t.lemma.lower() == "death" for t in tokens
        ):
            return True
    return False


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
    """Find "X's wife Y" or "Y, X's wife" in shared sentences, not in a
    sentence told inside a frame (frames.py), a world that never was."""
    for sentence_id in shared:
        if is_framed(sentences[sentence_id]):
            continue
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
                    and not _owns(tokens, m)
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
                    and not _owns(tokens, m)
                    for m in other.mentions
                )
            ):
                return window[1].text.lower()
    return ""


def _owns(tokens: tuple[Token, ...], mention: Mention) -> bool:
    """True for "Sidney's" of "Jill's mother, Sidney's aunt Kate": the name
    after the comma owns another noun and is not the mother."""
    return mention.end < len(tokens) and tokens[mention.end].text in ("'s", "’s")
