"""Infrastructure the web apps share: rate limits, the site's address, caching.

It knows no film, story or reader; the apps import it, never the other way.
"""
