"""Signals the stories app sends for bulk work, where row signals would not fire."""

from django.dispatch import Signal

# Sent once similar films were recomputed, with `slugs`: the films whose lists changed.
similar_films_refreshed = Signal()
