from django.urls import path

from plotguide.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.film_list, name="film_list"),
    path("films/<slug:slug>/", views.film_detail, name="film_detail"),
]
