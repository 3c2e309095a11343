"""The versioned JSON API for the mobile app.

Operations live in one small module per noun; this module puts them together
under /api/v1/ with the error shape and the conditional-GET validators.
"""

from ninja import NinjaAPI

from plotguide.api import audience, collections, films, meta, people, search, stories
from plotguide.api.caching import conditional_get
from plotguide.api.errors import install_handlers

api = NinjaAPI(
    title="Plotguide API",
    version=meta.API_VERSION,
    description="Films, their stories with spoiler control, and the catalogue. "
    "See docs/api.md.",
    urls_namespace="api-v1",
)
install_handlers(api)
api.add_decorator(conditional_get, mode="view")
for module in (meta, films, stories, people, collections, search, audience):
    api.add_router("", module.router)
