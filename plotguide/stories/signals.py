"""Signals the stories app sends for bulk work, where row signals would not fire."""

from django.dispatch import Signal

# Sent once similar films were recomputed, with `slugs`: the films whose lists changed.
similar_films_refreshed = Signal()

# Sent when a queued story build fails or gives a story that fails a check,
# with `film_id` and `error`: whoever waits on it should hand it to an editor.
story_build_failed = Signal()
