from django.urls import path

from plotguide.api.routers import api

urlpatterns = [path("", api.urls)]
