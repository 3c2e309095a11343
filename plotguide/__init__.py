"""Plotguide: the story of every film, from its plot text and metadata."""

__version__ = "0.1.0"
