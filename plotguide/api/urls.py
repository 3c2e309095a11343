from django.urls import path
from django.views.generic import RedirectView

from plotguide.api.routers import api

urlpatterns = [
    # The interactive docs answer with or without the slash readers type.
    path("docs/", RedirectView.as_view(pattern_name="api-v1:openapi-view")),
    path("", api.urls),
]
