"""An Atom feed of newly published stories."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from plotguide.site.story_page import description
from plotguide.stories.models import Story
from plotguide.stories.spoilers import NONE, SpoilerMode, visible_story

FEED_SIZE = 30


class NewStoriesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Plotguide: new film stories")
    subtitle = _("Plot summaries, endings explained and more, as they are published.")
    link = "/"

    def items(self):
        return (
            Story.objects.published()
            .select_related("film")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: Story) -> str:
        return str(item.film)

    def item_description(self, item: Story) -> str:
        # A feed reader never chose spoilers: the story as "no spoilers" shows it.
        return description(item.film, visible_story(item.sections, SpoilerMode(NONE)))

    def item_link(self, item: Story) -> str:
        return item.film.get_absolute_url()

    def item_updateddate(self, item: Story):
        return item.updated_at

    def item_pubdate(self, item: Story):
        return item.published_at
