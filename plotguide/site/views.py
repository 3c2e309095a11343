"""Reader pages: each view reads the request, calls one function, and renders."""

from __future__ import annotations

import hashlib

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_http_methods, require_safe

from plotguide.audience import services as audience
from plotguide.audience.forms import SummaryRequestForm, WaitlistForm
from plotguide.audience.models import SummaryRequest
from plotguide.catalog.models import Collection, Film, Person, Studio
from plotguide.catalog.search import search as search_catalogue
from plotguide.infra.caching import conditional
from plotguide.infra.urls import site_url
from plotguide.site import caching, hubs
from plotguide.site.posters import poster_svg
from plotguide.site.ratelimit import rate_limited
from plotguide.site.story_page import film_with_details, published_story, story_page
from plotguide.stories.quiz import questions_without_answers, score_quiz
from plotguide.stories.spoilers import (
    ALL,
    NONE,
    SpoilerMode,
    SpoilerModeError,
    parse_mode,
)
from plotguide.stories.spoilers import visible_story as spoiler_filter

# One film's choice lives in a cookie scoped to that film's path, so the
# browser sends it for that film only; the default is the reader's own.
FILM_SPOILER_COOKIE = "spoilers_film"
DEFAULT_SPOILER_COOKIE = "spoilers_default"
REMEMBERED_MODES = (NONE, ALL)
PER_PAGE = 48
POSTER_MAX_AGE = 24 * 3600
LETTERS = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ"
YEAR = 365 * 24 * 3600


def spoiler_mode(request: HttpRequest, slug: str) -> tuple[SpoilerMode, bool]:
    """Return the reader's spoiler choice for this film and whether the URL made it.

    The URL decides; then this film's remembered choice; then the default the
    reader set on purpose in /settings/; then "no spoilers". Anything
    unreadable means "no spoilers": an ending is shown only when asked for.
    """
    asked = request.GET.get("spoilers")
    value = asked
    if value is None:
        value = request.COOKIES.get(FILM_SPOILER_COOKIE) or request.COOKIES.get(
            DEFAULT_SPOILER_COOKIE
        )
    try:
        mode = parse_mode(value)
    except SpoilerModeError:
        mode = SpoilerMode(NONE)
    if asked is None and mode.name not in REMEMBERED_MODES:
        mode = SpoilerMode(NONE)
    return mode, asked is not None


@require_safe
def film_detail(request: HttpRequest, slug: str) -> HttpResponse:
    mode, from_url = spoiler_mode(request, slug)
    page = caching.cached_page(
        f"film:{slug}",
        str(mode),
        lambda: render(
            request,
            "site/film_detail.html",
            story_page(film_with_details(slug), mode),
        ),
    )
    response = caching.respond(request, page, vary_cookie=not from_url)
    remember = from_url and str(mode) in REMEMBERED_MODES
    if remember and request.COOKIES.get(FILM_SPOILER_COOKIE) != str(mode):
        # Scoped to this film's pages: the next film opens as the reader's
        # default, never with this film's ending.
        response.set_cookie(
            FILM_SPOILER_COOKIE,
            str(mode),
            max_age=YEAR,
            samesite="Lax",
            path=reverse("site:film_detail", args=[slug]),
        )
    return response


@require_safe
def film_poster(request: HttpRequest, slug: str) -> HttpResponse:
    """The film's generated poster; browsers and proxies keep it for a day."""
    film = get_object_or_404(
        Film.objects.only("title", "year", "slug").prefetch_related("genres"),
        slug=slug,
    )
    svg = poster_svg(film.title, film.year, [genre.name for genre in film.genres.all()])
    response = HttpResponse(svg, content_type="image/svg+xml")
    # A poster is a picture, never a document that runs anything.
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'"
    )
    patch_cache_control(response, public=True, max_age=POSTER_MAX_AGE)
    response["ETag"] = '"' + hashlib.sha256(svg.encode()).hexdigest()[:32] + '"'
    return conditional(request, response, etag=response["ETag"])


@require_http_methods(["GET", "HEAD", "POST"])
def reader_settings(request: HttpRequest) -> HttpResponse:
    """The reader's site-wide default for spoilers, set once and on purpose."""
    current = request.COOKIES.get(DEFAULT_SPOILER_COOKIE, NONE)
    if current not in REMEMBERED_MODES:
        current = NONE
    if request.method == "POST":
        chosen = request.POST.get("spoilers", NONE)
        chosen = chosen if chosen in REMEMBERED_MODES else NONE
        saved = redirect(f"{reverse('site:settings')}?saved=1")
        saved.set_cookie(DEFAULT_SPOILER_COOKIE, chosen, max_age=YEAR, samesite="Lax")
        return saved
    response = render(
        request,
        "site/settings.html",
        {
            "current": current,
            "saved": "saved" in request.GET,
            "modes": REMEMBERED_MODES,
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("quiz", methods=("POST",))
def film_quiz(request: HttpRequest, slug: str) -> HttpResponse:
    film = film_with_details(slug)
    story = published_story(film)
    if story is None:
        raise Http404(_("This film's story is not published yet."))
    # The film's own choice holds here too: its cookie's path covers the quiz.
    mode = spoiler_mode(request, slug)[0]
    data = spoiler_filter(story.sections, mode)
    questions = questions_without_answers(data)
    context = {
        "film": film,
        "mode": str(mode),
        "mode_name": mode.name,
        "questions": questions,
    }
    if request.method == "POST":
        answers = {
            number: _int_or_none(request.POST.get(f"q{number}"))
            for number in range(len(questions))
        }
        context["result"] = score_quiz(data, answers)
    return render(request, "site/quiz.html", context)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@require_safe
@rate_limited("search")
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = search_catalogue(query, limit=30) if query else []
    response = render(request, "site/search.html", {"query": query, "results": results})
    patch_cache_control(response, public=True, max_age=60)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("summary_request", methods=("POST",))
def request_new(request: HttpRequest) -> HttpResponse:
    form = SummaryRequestForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        summary_request = audience.request_summary(**form.cleaned_data)
        return redirect(summary_request)
    return render(request, "site/request_form.html", {"form": form})


@require_safe
def request_status(request: HttpRequest, token: str) -> HttpResponse:
    summary_request = get_object_or_404(
        SummaryRequest.objects.select_related("film"), token=token
    )
    response = render(
        request, "site/request_status.html", {"summary_request": summary_request}
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("waitlist", methods=("POST",))
def waitlist(request: HttpRequest) -> HttpResponse:
    form = WaitlistForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        audience.join_waitlist(form.cleaned_data["email"])
        return redirect("site:waitlist_sent")
    return render(request, "site/waitlist.html", {"form": form})


@require_safe
def waitlist_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "site/waitlist_sent.html")


@require_safe
def waitlist_confirm(request: HttpRequest, token: str) -> HttpResponse:
    if not audience.confirm_signup(token):
        raise Http404(_("This confirmation link is unknown or was used to leave."))
    return render(request, "site/waitlist_confirmed.html", {"token": token})


@require_http_methods(["GET", "HEAD", "POST"])
def waitlist_leave(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        audience.leave_waitlist(token)
        return render(request, "site/waitlist_left.html")
    return render(request, "site/waitlist_leave.html", {"token": token})


def _hub(request: HttpRequest, template: str, build, *params: str) -> HttpResponse:
    """Render a hub page through the page cache; the variant is the path and params."""
    variant = (
        request.path
        + "?"
        + "&".join(f"{name}={request.GET.get(name, '')[:8]}" for name in params)
    )
    page = caching.cached_page(
        caching.HUBS, variant, lambda: render(request, template, build())
    )
    return caching.respond(request, page, vary_cookie=False)


def _page(request: HttpRequest, items, per_page: int = PER_PAGE):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return _hub(
        request,
        "site/home.html",
        lambda: {
            "latest": hubs.latest_published(),
            "popular": hubs.popular_films(),
            "year": hubs.newest_release_year(),
        },
    )


@require_safe
def releases(request: HttpRequest, year: int | None = None) -> HttpResponse:
    """The newest year with films, or the year asked; a year without films is a 404.

    The 404 still names the years that have films, so a reader can go on.
    """
    years = hubs.release_years()
    if year is not None and year not in dict(years):
        return render(
            request, "site/releases.html", {"year": year, "years": years}, status=404
        )
    year = year if year is not None else hubs.newest_release_year(years)
    return _hub(
        request,
        "site/releases.html",
        lambda: {
            "year": year,
            "years": years,
            "page": _page(request, hubs.films_of_year(year)) if year else None,
        },
        "page",
    )


@require_safe
def stories_az(request: HttpRequest) -> HttpResponse:
    letter = request.GET.get("letter", "").upper()[:1]
    letter = letter if letter in LETTERS else ""
    return _hub(
        request,
        "site/stories_az.html",
        lambda: {
            "letter": letter,
            "letters": LETTERS,
            "page": _page(request, hubs.films_by_letter(letter)),
        },
        "page",
        "letter",
    )


@require_safe
def people(request: HttpRequest) -> HttpResponse:
    return _hub(
        request,
        "site/people.html",
        lambda: {"page": _page(request, hubs.actors())},
        "page",
    )


@require_safe
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    return _hub(
        request,
        "site/person_detail.html",
        lambda: {
            "person": person,
            "credits": hubs.person_credits(person),
            "awards": hubs.person_awards(person),
        },
    )


@require_safe
def studios(request: HttpRequest) -> HttpResponse:
    return _hub(
        request,
        "site/studios.html",
        lambda: {"page": _page(request, hubs.studios())},
        "page",
    )


@require_safe
def studio_detail(request: HttpRequest, slug: str) -> HttpResponse:
    studio = get_object_or_404(Studio, slug=slug)
    return _hub(
        request,
        "site/film_list.html",
        lambda: {
            "heading": studio.name,
            "page": _page(request, hubs.studio_films(studio)),
        },
        "page",
    )


@require_safe
def awards(request: HttpRequest) -> HttpResponse:
    return _hub(
        request,
        "site/awards.html",
        lambda: {"page": _page(request, hubs.award_entries(), 100)},
        "page",
    )


@require_safe
def music(request: HttpRequest) -> HttpResponse:
    return _hub(
        request,
        "site/film_list.html",
        lambda: {
            "heading": _("Concert films and music documentaries"),
            "page": _page(request, hubs.music_films()),
        },
        "page",
    )


@require_safe
def collections(request: HttpRequest) -> HttpResponse:
    return _hub(
        request,
        "site/collections.html",
        lambda: {
            "curated": hubs.curated_collections(),
            "directors": hubs.directors_with_films(),
            "decades": hubs.decades(),
        },
    )


@require_safe
def collection_detail(request: HttpRequest, slug: str) -> HttpResponse:
    collection = get_object_or_404(Collection, slug=slug, is_published=True)
    return _hub(
        request,
        "site/collection_detail.html",
        lambda: {
            "collection": collection,
            "items": hubs.collection_films(collection),
        },
    )


@require_safe
def director_collection(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    return _hub(
        request,
        "site/film_list.html",
        lambda: {
            "heading": _("Films directed by %(name)s") % {"name": person.name},
            "page": _page(request, hubs.director_films(person)),
        },
        "page",
    )


@require_safe
def decade_collection(request: HttpRequest, decade: int) -> HttpResponse:
    if decade % 10:
        return redirect("site:decade_collection", decade=decade // 10 * 10)
    return _hub(
        request,
        "site/film_list.html",
        lambda: {
            "heading": _("Films of the %(decade)ss") % {"decade": decade},
            "page": _page(request, hubs.decade_films(decade)),
        },
        "page",
    )


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /requests/",
        "Disallow: /waitlist/",
        "Disallow: /search/",
        f"Sitemap: {site_url()}{reverse('site:sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404: a reader who followed a stale link can search from here."""
    return render(request, "site/404.html", status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The site's 500, rendered without the request's context.

    Whatever broke the page (the database, a context processor) may break
    anything that reads the request, so this page reads nothing of it.
    """
    return HttpResponseServerError(loader.get_template("site/500.html").render())
