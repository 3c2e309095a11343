from django.contrib.sitemaps.views import sitemap
from django.urls import path

from plotguide.site import views
from plotguide.site.feeds import NewStoriesFeed
from plotguide.site.sitemaps import SITEMAPS

app_name = "site"
urlpatterns = [
    path("", views.home, name="home"),
    path("films/<slug:slug>/", views.film_detail, name="film_detail"),
    path("films/<slug:slug>/quiz/", views.film_quiz, name="film_quiz"),
    path("films/<slug:slug>/poster.svg", views.film_poster, name="film_poster"),
    path("search/", views.search, name="search"),
    path("settings/", views.reader_settings, name="settings"),
    path("requests/new/", views.request_new, name="request_new"),
    path("requests/<str:token>/", views.request_status, name="request_status"),
    path("waitlist/", views.waitlist, name="waitlist"),
    path("waitlist/sent/", views.waitlist_sent, name="waitlist_sent"),
    path(
        "waitlist/confirm/<str:token>/",
        views.waitlist_confirm,
        name="waitlist_confirm",
    ),
    path("waitlist/leave/<str:token>/", views.waitlist_leave, name="waitlist_leave"),
    path("releases/", views.releases, name="releases"),
    path("releases/<int:year>/", views.releases, name="releases_year"),
    path("stories/", views.stories_az, name="stories_az"),
    path("people/", views.people, name="people"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("studios/", views.studios, name="studios"),
    path("studios/<slug:slug>/", views.studio_detail, name="studio_detail"),
    path("awards/", views.awards, name="awards"),
    path("music/", views.music, name="music"),
    path("collections/", views.collections, name="collections"),
    path(
        "collections/director/<slug:slug>/",
        views.director_collection,
        name="director_collection",
    ),
    path(
        "collections/decade/<int:decade>/",
        views.decade_collection,
        name="decade_collection",
    ),
    path("collections/<slug:slug>/", views.collection_detail, name="collection_detail"),
    path("feed/", NewStoriesFeed(), name="feed"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS, "template_name": "site/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
]
