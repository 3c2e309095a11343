"""The versioned JSON API for the mobile app."""

from ninja import NinjaAPI

api = NinjaAPI(title="Plotguide API", version="1", urls_namespace="api-v1")
