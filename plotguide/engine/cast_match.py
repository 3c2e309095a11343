"""Tie the plot's names to the people the credits name.

A plot calls one person by many names: "Tony Stark", "Stark", "Tony" and
"Iron Man"; "Frances Houseman" and "Baby"; "President Muffley" and "the
President". Each name is claimed by the one credited person it can only
mean, so a person is one character with one actor. A name shared by a
family ("Stark", "Thatcher") means the best-billed of them, as plots use the
bare surname for the lead; a shared given name means nobody in particular.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from plotguide.engine.credits import (
    GENERATION_WORDS,
    GENERIC_CREDIT_WORDS,
    NAME_TITLES,
    PART_NOUNS,
    PartName,
    ReadCredit,
    name_word,
    read_cast,
)
from plotguide.engine.doc import Sentence, Token
from plotguide.engine.film import CastCredit
from plotguide.engine.names import NAME_PARTICLES, PERSON_NOUNS, Mention
from plotguide.engine.text import same_spelling

Key = tuple[str, ...]
# Words on the path between two names that make them one person: "Stark's
# identity as Iron Man", "Rushman is Natasha Romanoff", "becomes Spider-Man".
IDENTITY_WORDS = frozenset(
    [
        "as", "be", "become", "turn", "transform", "reveal", "pose", "disguise",
        "impersonate", "pretend", "masquerade", "call", "name", "dub", "know",
        "alias", "aka", "identity", "persona", "alter", "same", "like", "into",
        "code", "guise", "costume", "disguise", "mask", "suit",
    ]
)  # fmt: skip
ARGUMENTS = frozenset(
    ["nsubj", "nsubjpass", "dobj", "dative", "pobj", "poss", "conj", "agent"]
)
# How a name attaches to a noun that is the same person ("trumpet player Tom").
IS_OWN = frozenset(["appos", "compound", "attr"])


@dataclass(frozen=True)
class CreditedPerson:
    """A person the credits name: the adult's credit, its names, its billing.

    ``other_ages`` are the same person's credits at another age ("Young
    Carol" beside "Carol Thatcher"); the plot's "Carol" is the adult's.
    """

    credit: CastCredit
    parts: tuple[PartName, ...]
    rank: int
    other_ages: tuple[CastCredit, ...] = ()

    @property
    def words(self) -> frozenset[str]:
        return frozenset(w for part in self.parts for form in part.forms for w in form)


@dataclass(frozen=True)
class Claim:
    """The credited person (and which of its names) a plot name means."""

    person: int
    part: int


def credited_people(
    cast: tuple[CastCredit, ...], plot_names: frozenset[str] = frozenset()
) -> list[CreditedPerson]:
    """Return the credited people in billing order, age variants folded in.

    A credit at another age joins the best-billed adult credit that holds
    all its name words; without one it is a person of its own, and so is one
    the plot names with its age word, as Looper's "Old Joe" (Bruce Willis)
    meets "Joe" (Joseph Gordon-Levitt). ``plot_names`` are the words the plot
    writes as names (see read_credit).
    """
    reads = read_cast(cast, plot_names)
    adults = [read for read in reads if not read.age]
    folded: dict[int, list[CastCredit]] = {}
    people = []
    for read in reads:
        home = next((a for a in adults if read.core_words <= a.words), None)
        if read.age and home is not None and not _age_named(read, plot_names):
            folded.setdefault(id(home), []).append(read.credit)
        else:
            people.append(read)
    return [
        CreditedPerson(read.credit, read.parts, rank, tuple(folded.get(id(read), ())))
        for rank, read in enumerate(people)
    ]


def _age_named(read: ReadCredit, plot_names: frozenset[str]) -> bool:
    """True when the plot writes the credit's age word as a name ("Old Joe")."""
    return any(
        part.words[:1] != part.core[:1] and part.words[0].title() in plot_names
        for part in read.parts
    )


def claim_keys(
    keys: Iterable[Key],
    people: list[CreditedPerson],
    is_place: Callable[[Key], bool],
    is_nobody: Callable[[Key], bool] = lambda key: False,
    two_people: Callable[[Key, Key], bool] = lambda a, b: False,
    titles: Callable[[Key], frozenset[str]] = lambda key: frozenset(),
) -> tuple[dict[Key, Claim], set[Key]]:
    """Return who each name means, and the names that are ambiguous.

    A name equal to one of a person's names is theirs first, unless it is a
    titled relative's bare family name that the plot gives a better-billed
    person in full (see _bare_family_name; ``titles`` are the titles the plot
    writes before a name, as keys); then a name inside one person's names
    ("Stark" of "Tony Stark"); then a lone title that one present person
    holds ("the President"). A lone surname the parse only ever calls a
    place ("Mars") is not a credited person's, nor a longer name that reads
    as a place ("Karl-Marx-Stadt" for a credited Karl), nor the first word
    of a part ("Polish" of "Polish Workman") that the parse never calls a person
    (``is_nobody``), nor a person's whose given name the plot shows as
    someone else (``two_people``, see _kin).
    """
    keys = list(keys)
    claims: dict[Key, Claim] = {}
    ambiguous: set[Key] = set()
    yielded: set[int] = set()  # titled relatives who gave their name away
    for key in keys:
        exact = _exact(key, people)
        if exact is None:
            continue
        heirs = _bare_family_name(key, exact, people, keys, titles(key))
        if heirs:
            yielded.add(exact.person)
        if len(heirs) > 1:
            ambiguous.add(key)
        else:
            claims[key] = heirs[0] if heirs else exact
    present = {claim.person for claim in claims.values()}
    for key in keys:
        if key in claims or key in ambiguous or not set(key) - GENERIC_CREDIT_WORDS:
            continue
        if len(key) == 1 and key[0] in NAME_TITLES:
            claim = _title_claim(key[0], people, present)
        elif is_place(key) and not _may_name_a_credit(key, people):
            continue
        else:
            kin = {i for i, p in enumerate(people) if _kin(key, p, two_people)}
            kin |= yielded  # "American Higgins" is no more Mrs. Higgins
            claim, is_ambiguous = _inside_claim(key, people, present, kin)
            if is_ambiguous:
                ambiguous.add(key)
            if claim is not None and _qualifier(key, people[claim.person]):
                # The Pianist's "Polish" of "Polish Workman" and "SS" of "SS
                # Officer": a word before a part's noun, never a person
                # where the parse never calls it one.
                claim = None if is_nobody(key) else claim
        if claim is not None:
            claims[key] = claim
    return claims, ambiguous


def _qualifier(key: Key, person: CreditedPerson) -> bool:
    """Whether a one-word name only opens the person's parts, each of which
    describes rather than names ("SS Making a Speech"): never a given name,
    as "Layla" of "Layla Williams" or "Marius" of "Marius de Romanus"."""
    parts = person.parts
    return len(key) == 1 and all(
        len(part.words) >= 2
        and part.words[0] == key[0]
        and any(
            word[:1].islower() and word not in NAME_PARTICLES
            for word in part.text.split()
        )
        for part in parts
    )


def _exact(key: Key, people: list[CreditedPerson]) -> Claim | None:
    for index, person in enumerate(people):
        for number, part in enumerate(person.parts):
            if key in part.forms:
                return Claim(index, number)
    return None


def _bare_family_name(
    key: Key,
    claim: Claim,
    people: list[CreditedPerson],
    keys: list[Key],
    titles: frozenset[str],
) -> list[Claim]:
    """Return the better-billed people a titled relative's lone family name
    means: those the plot names in full with it.

    X-Men: First Class credits "Mr. Lensherr (Erik's Dad)" and "Mrs. Xavier"
    far below "Erik Lehnsherr" and "Charles Xavier"; its plot writes "Erik
    Lensherr" and "Charles Xavier", then "Lensherr" and "Xavier" for the two
    leads, never "Mr. Lensherr" or "Mrs. Xavier". A titled credit that is
    only that family name keeps it (none returned) when the plot writes its
    title before it, or names no better-billed person in full with it; where
    it names two (The Bourne Supremacy's "Irena Neski" and "Vladimir Neski"
    above "Mrs. Neski"), the plain "Neski" says not which.
    """
    part = people[claim.person].parts[claim.part]
    own_titles = {name_word(w) for w in part.title.split()}
    if len(key) != 1 or not own_titles or own_titles & titles:
        return []
    given = {k[0] for k in keys if len(k) >= 2 and same_spelling(k[-1], key[0])}
    heirs: dict[int, Claim] = {}
    for index, person in enumerate(people[: claim.person]):
        for number, other in enumerate(person.parts):
            words = [w for w in other.words if w not in GENERATION_WORDS]
            full = len(words) >= 2 and words[0] in given
            if full and same_spelling(words[-1], key[0]):
                heirs.setdefault(index, Claim(index, number))
    return list(heirs.values())


def _inside_claim(
    key: Key, people: list[CreditedPerson], present: set[int], kin: set[int]
) -> tuple[Claim | None, bool]:
    """Claim a name inside, spelt like or around one person's names.

    "Stark" lies inside "Tony Stark"; "Max Smart" is spelt like "Maxwell
    Smart"; "Jim Sefelt" holds the credit "Sefelt". A full name spelt like
    one person's ("Erik Lensherr", "Erik Lehnsherr") is theirs before a
    relative's credit of the family name alone ("Mr. Lensherr"). A surname shared
    by a family means its best-billed member; another shared name, the one
    person not credited with it and an initial ("Martin B."), else the one
    person the plot names in full, else nobody. The people in ``kin`` only
    share the name with whoever the plot means.
    """
    inside = [
        i
        for i, person in enumerate(people)
        if set(key) <= person.words and i not in kin
    ]
    if not inside:
        around = [
            i for i in _spelt_like(key, people) or _around(key, people) if i not in kin
        ]
        return (
            (_claim(key, people, around[0]), False)
            if len(around) == 1
            else (None, False)
        )
    if len(inside) > 1 and all(is_family_name(key, people[i]) for i in inside):
        inside = inside[:1]
    if len(inside) > 1:
        # The Shining's "Grady" is Delbert Grady, not a "Grady Daughter".
        named = [i for i in inside if is_family_name(key, people[i])]
        inside = named if len(named) == 1 else inside
    if len(inside) > 1 and _generations(people[i] for i in inside):
        # Snow Falling on Cedars: a plain "Carl Heine" is the father ("Carl
        # Heine Sr.") or the son ("Carl Heine Jr."), never the one named first.
        return None, True
    if len(inside) > 1:
        # Unknown credits its impostor "Martin B.": the initial sets him
        # apart, so a plain "Martin" is Dr. Martin Harris.
        plain = [i for i in inside if not _set_apart_by_an_initial(key, people[i])]
        inside = plain or inside
    if len(inside) > 1:
        inside = [i for i in inside if i in present]
    if len(inside) != 1:
        return None, True
    return _claim(key, people, inside[0]), False


def _set_apart_by_an_initial(key: Key, person: CreditedPerson) -> bool:
    """Whether the person is credited as the name and one initial ("Martin B.")."""
    return any(
        len(part.words) == 2 and part.words[0] == key[0] and len(part.words[1]) == 1
        for part in person.parts
    )


def _kin(
    key: Key, person: CreditedPerson, two_people: Callable[[Key, Key], bool]
) -> bool:
    """Whether a lone surname is someone else of the person's family: the
    plot shows the person's given name as another person ("her father, Major
    Petrovich" beside "his daughter Maritza", credited "Maritza Petrovich")."""
    return len(key) == 1 and any(
        len(part.words) >= 2
        and key[0] in part.words[1:]
        and two_people(key, part.words[:1])
        for part in person.parts
    )


def _generations(people: Iterable[CreditedPerson]) -> bool:
    """Whether the people are one name's generations: "Sr." and "Jr."."""
    people = list(people)
    cores = {person.words - GENERATION_WORDS for person in people}
    # Two credits of one part (a singing voice) are no generations.
    return len(cores) == 1 and len({person.words for person in people}) > 1


def _around(key: Key, people: list[CreditedPerson]) -> list[int]:
    """Return the people one of whose names lies inside the key ("Jim Sefelt").

    A name of single letters is no name inside another: X-Men: First Class's
    "Division X" is a facility, not "Professor X".
    """
    return [
        i
        for i, person in enumerate(people)
        if any(
            set(form) < set(key) and any(len(word) > 1 for word in form)
            for part in person.parts
            for form in part.forms
        )
    ]


def _spelt_like(key: Key, people: list[CreditedPerson]) -> list[int]:
    """Return the people with a name spelt like the key.

    Plots and credits spell names differently: "Vargas" and "Vargus",
    "Abberline" and "Aberline", "Devereux" and "Devereaux". In a full name
    the given name may also be short for the credited one ("Max Smart" for
    "Maxwell Smart", "Mick Dundee" for "Michael J. 'Crocodile' Dundee").
    """
    if len(key) == 1:
        if key[0] in PART_NOUNS:
            return []  # "Women" is not a misspelt "Woman"
        return [
            i
            for i, person in enumerate(people)
            if any(same_spelling(word, key[0]) for word in person.words)
        ]
    return [
        i
        for i, person in enumerate(people)
        if any(
            len(part.words) >= 2
            and same_spelling(part.words[-1], key[-1])
            and part.words[0][:3] == key[0][:3]
            for part in person.parts
        )
    ]


def names_agree(shown: set[str], credited: frozenset[str]) -> bool:
    """Whether a shown name and a credit share a word, spelt alike: the plot's
    "Menelaus" and "Helen" are Troy's credits "Menelaos" and "Helena"."""
    return bool(shown & credited) or any(
        same_spelling(word, name) for word in credited for name in shown
    )


def _claim(key: Key, people: list[CreditedPerson], index: int) -> Claim:
    """Claim for the first of the person's names that holds the key."""
    parts = people[index].parts
    number = next(
        (
            n
            for n, part in enumerate(parts)
            if any(set(key) <= set(f) for f in part.forms)
        ),
        0,
    )
    return Claim(index, number)


def _title_claim(
    title: str, people: list[CreditedPerson], present: set[int]
) -> Claim | None:
    """ "The President" is the one present person credited with that title."""
    holders = [
        Claim(i, n)
        for i, person in enumerate(people)
        if i in present
        for n, part in enumerate(person.parts)
        if title in {name_word(w) for w in part.title.split()}
    ]
    return holders[0] if len({c.person for c in holders}) == 1 else None


def is_family_name(key: Key, person: CreditedPerson) -> bool:
    """True when the one-word key is the family name of one of the person's
    names: its last word, or the one before "Jr." or "Sr."."""
    return len(key) == 1 and any(
        len(words) >= 2 and words[-1] == key[0]
        for part in person.parts
        if (words := [w for w in part.words if w not in GENERATION_WORDS])
    )


def _may_name_a_credit(key: Key, people: list[CreditedPerson]) -> bool:
    """Whether a name the parse reads as a place may still be a credited
    person's: a given name ("Jordan"), or a full name spelt like one (Straw
    Dogs' "Janice Hedden" for Janice Heddon), never a place named after one
    ("Davy Jones Locker", "Crystal Falls" for Jerri Falls)."""
    if not _is_given_name(key[0], people):
        return False
    return len(key) == 1 or bool(_spelt_like(key, people))


def _is_given_name(word: str, people: list[CreditedPerson]) -> bool:
    return any(part.words[:1] == (word,) for p in people for part in p.parts)


def part_groups(
    sentences: tuple[Sentence, ...],
    mentions: list[Mention],
    claims: dict[Key, Claim],
    parts: tuple[PartName, ...],
) -> list[list[int]]:
    """Group the parts of one credit into the people the plot shows.

    One group, unless a sentence shows two parts as two people ("Dr.
    Strangelove recommends that the President ..."; "Moses and God"), or
    the parts name two people whatever the plot says (see _named_apart):
    then every part is a person of its own, except parts the plot also
    equates ("Peter is Spider-Man", "Stanley transforms into the Mask"). A
    credit of many parts is a troupe's ("The Black Knight / Sir Lancelot
    the Brave / Tim the Enchanter"): its parts are people of their own
    unless equated.
    """
    count = len(parts)
    same: set[tuple[int, int]] = set()
    apart = _named_apart(parts)
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    for sentence_id, found in by_sentence.items():
        tokens = sentences[sentence_id].tokens
        if any(t.text.lower() == "respectively" for t in tokens):
            continue  # "A, B and C code-name themselves X, Y and Z, respectively"
        for a in found:
            for b in found:
                pair = (claims[a.key].part, claims[b.key].part)
                if pair[0] < pair[1]:
                    link = _link(tokens, a, b)
                    (same if link == SAME else apart if link == APART else set()).add(
                        pair
                    )
    if not apart - same and count < MANY_PARTS:
        return [list(range(count))]
    return _components(count, same)


def _named_apart(parts: tuple[PartName, ...]) -> set[tuple[int, int]]:
    """Pairs of parts that name two people: a father and son, one family
    name with two given names ("David Filby / James Filby"), or a
    generation only one of them has ("Bert / Mr. Dawes, Sr.", whom Mary
    Poppins's plot never equates with Bert)."""
    pairs = set()
    for a, first in enumerate(parts):
        for b, second in enumerate(parts[a + 1 :], start=a + 1):
            one, two = first.words, second.words
            kin = min(len(one), len(two)) >= 2 and one[-1] == two[-1]
            if (kin and one[0] != two[0]) or (set(one) ^ set(two)) & GENERATION_WORDS:
                pairs.add((a, b))
    return pairs


SAME = "same"
APART = "apart"
# Parts in one credit from which they are taken as different people.
MANY_PARTS = 4


def _link(tokens: tuple[Token, ...], a: Mention, b: Mention) -> str:
    """Read whether a sentence equates two names, sets them apart, or neither.

    Apart: coordinated ("Moses and God"), both arguments with nothing that
    equates them, or linked through another person ("the President's
    advisor, named Dr. Strangelove"). Same: a slash between them
    ("Carter/Cain"), or an equating word on the path ("is", "as", "called").
    """
    first, second = sorted((a.end - 1, b.end - 1))
    if any(t.text == "/" for t in tokens[first:second]):
        return SAME
    if tokens[second].dep == "conj" and tokens[second].head == first:
        return APART
    path = _path(tokens, first, second)
    if path is None:
        return ""
    own = {tokens[e].head for e in (first, second) if tokens[e].dep in IS_OWN}
    own |= {i for i in path if tokens[i].dep in ("appos", "attr")}
    if any(tokens[i].lemma.lower() in PERSON_NOUNS for i in path if i not in own):
        return APART
    if any(tokens[i].lemma.lower() in IDENTITY_WORDS for i in path):
        return SAME
    both_arguments = all(tokens[e].dep in ARGUMENTS for e in (first, second))
    return APART if both_arguments else ""


def _components(count: int, pairs: set[tuple[int, int]]) -> list[list[int]]:
    """Return the parts joined by the pairs, as groups (union-find)."""
    parent = list(range(count))

    def root(n: int) -> int:
        while parent[n] != n:
            n = parent[n]
        return n

    for a, b in pairs:
        parent[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for n in range(count):
        groups.setdefault(root(n), []).append(n)
    return list(groups.values())


def _path(tokens: tuple[Token, ...], first: int, second: int) -> list[int] | None:
    """Return the tokens between two tokens along the parse, or None if apart."""
    up = _ancestors(tokens, first)
    other = _ancestors(tokens, second)
    common = next((i for i in up if i in other), None)
    if common is None:
        return None
    return up[1 : up.index(common) + 1] + other[1 : other.index(common)]


def _ancestors(tokens: tuple[Token, ...], index: int) -> list[int]:
    chain = [index]
    while tokens[chain[-1]].head != chain[-1] and len(chain) <= len(tokens):
        chain.append(tokens[chain[-1]].head)
    return chain
