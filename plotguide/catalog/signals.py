"""Signals the catalogue sends, so other apps can react without being imported here."""

from django.dispatch import Signal

# Sent once an import has committed, with `slugs`: the films it added or changed.
films_imported = Signal()
