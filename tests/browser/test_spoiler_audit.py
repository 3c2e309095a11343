"""The spoiler audit: twenty real film pages show nothing past the reader's choice,
and "Everything" chosen on one film never opens the next one with its ending.

For each film, in "No spoilers" and "Up to where I stopped" (halfway through
the timeline), the browser reads every text node, every attribute value
(titles, alt text, meta content, aria labels, option values), each form
control's value and the JSON-LD of the film page and of the quiz its link
opens, and none of them may hold a sentence, a
generated line, an event title, a quiz question, a name or a place that the
stored story puts past the boundary (`tests/site/spoiler_audit.py`).
"""

from __future__ import annotations

import json

import pytest

from plotguide.stories.models import Story
from tests.site.spoiler_audit import (
    boundary,
    find_leaks,
    forbidden_strings,
    json_strings,
    middle_event,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.realdata,
    pytest.mark.django_db(transaction=True),
]

# Every text node with whether it belongs to a credit (a list item or row
# that links a person and holds no heading: the cast list, not a character
# card) or to a link to another film, every attribute value and control
# value, and the JSON-LD.
READ_PAGE = """() => {
  const texts = [], credits = [], attributes = [];
  const isCredit = (node) => {
    const item = node.parentElement && node.parentElement.closest('li, dd, tr');
    return !!item && !!item.querySelector('a[href*="/people/"]')
      && !item.querySelector('h1, h2, h3, h4, h5, h6');
  };
  // Another film's title ("Alice in Wonderland" among 3:10 to Yuma's similar
  // films) names nobody of this story.
  const here = location.pathname;
  const isOtherFilm = (node) => {
    const link = node.parentElement && node.parentElement.closest('a[href^="/films/"]');
    return !!link && !link.getAttribute('href').startsWith(here);
  };
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A script's text is read below as JSON-LD, its credits apart.
    if (node.parentElement && node.parentElement.closest('script')) continue;
    (isCredit(node) || isOtherFilm(node) ? credits : texts).push(node.nodeValue);
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      // A link's address spells a person's or a film's name, not the story.
      (attribute.name === 'href' ? credits : attributes).push(attribute.value);
    }
    if ('value' in element && typeof element.value === 'string') {
      attributes.push(element.value);
    }
  }
  const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')]
    .map((script) => script.textContent);
  return {texts, credits, attributes, jsonLd, title: document.title,
          body: document.body.textContent};
}"""


def read_page(page) -> tuple[list[str], list[str]]:
    """Return what the open page shows, and apart from it the text where names
    are not looked for: the credits, and the whole body that holds them."""
    found = page.evaluate(READ_PAGE)
    blocks = [json.loads(block) for block in found["jsonLd"]]
    # The people JSON-LD credits (actors "Ellen Foley", "Ellen Hamilton
    # Latzen") are credits too, not the story's words.
    people = [text for block in blocks for text in _person_names(block)]
    structured = [
        text for block in blocks for text in json_strings(block) if text not in people
    ]
    texts = [*found["texts"], *found["attributes"], *structured, found["title"]]
    return texts, [*found["credits"], *people, found["body"]]


def _person_names(value: object) -> list[str]:
    """Return the names of every schema.org Person in a JSON-LD value."""
    if isinstance(value, list):
        return [name for item in value for name in _person_names(item)]
    if not isinstance(value, dict):
        return []
    own = [value["name"]] if value.get("@type") == "Person" and "name" in value else []
    return own + [name for item in value.values() for name in _person_names(item)]


def choose_everything(page) -> None:
    """Pick "Everything" in the page's spoiler choice and send the form."""
    choice = page.locator("#spoiler-choice")
    choice.select_option("all")
    with page.expect_navigation():
        choice.evaluate("select => select.form.requestSubmit()")


def test_restricted_modes_show_nothing_past_the_boundary_on_twenty_real_films(
    page, real_films
):
    """Each film opens at its bare address right after "Everything" was chosen
    on the film before it, so its "No spoilers" page is also the proof that
    the choice held for that one film only."""
    assert len(real_films) >= 20
    leaks, checked = [], 0
    for film in real_films:
        data = Story.objects.get(film=film).sections
        for mode in ("none", f"upto:{middle_event(data)}"):
            forbidden = forbidden_strings(data, boundary(data, mode))
            assert forbidden, f"{film} {mode}: nothing past the boundary to check"
            checked += len(forbidden)
            query = "" if mode == "none" else f"?spoilers={mode}"
            page.goto(film.get_absolute_url() + query)
            assert page.locator("#spoiler-choice").input_value() == mode, film
            assert page.locator('script[type="application/ld+json"]').count()
            texts, unnamed = read_page(page)
            # The quiz its link opens keeps to the same choice.
            page.goto(page.locator("#quiz a").first.get_attribute("href"))
            quiz_texts, quiz_unnamed = read_page(page)
            leaks += [
                f"{film} ({mode}): {leak}"
                for leak in find_leaks(
                    forbidden, [*texts, *quiz_texts], [*unnamed, *quiz_unnamed]
                )
            ]
        page.goto(film.get_absolute_url())
        choose_everything(page)
        ending = " ".join(line["text"] for line in data["summary"]["ending"])
        assert " ".join(ending.split()[:8]) in " ".join(page.inner_text("body").split())
    assert leaks == [], "\n".join(leaks)
    assert checked > 40 * 20
    page.goto(real_films[0].get_absolute_url())
    assert page.locator("#spoiler-choice").input_value() == "all"
