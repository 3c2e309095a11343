"""Summary requests and the app waitlist: the work behind the site's and API's forms.

Callers validate input with `plotguide.audience.forms` first; these functions
take clean values.
"""

from __future__ import annotations

import logging
import re
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from plotguide.audience.models import RequestWatcher, SummaryRequest, WaitlistSignup
from plotguide.catalog.models import Film
from plotguide.catalog.naming import title_key
from plotguide.infra import ratelimit
from plotguide.infra.urls import site_url
from plotguide.stories import jobs
from plotguide.stories.models import Story

logger = logging.getLogger(__name__)


_TITLE_YEAR = re.compile(r"^(?P<title>.+?)\s*\((?P<year>\d{4})\)\s*$")


def split_year(title: str, year: int | None) -> tuple[str, int | None]:
    """Read "Titanic (1997)" as the title Titanic and the year 1997."""
    match = _TITLE_YEAR.match(title.strip())
    if match is None:
        return title, year
    return match.group("title"), year or int(match.group("year"))


def find_film(title: str, year: int | None) -> Film | None:
    """Return the catalogue film a request names, preferring one with a plot."""
    films = Film.objects.filter(title_key=title_key(title))
    if year is not None:
        films = films.filter(year=year)
    without_plot = ExpressionWrapper(Q(plot=""), output_field=BooleanField())
    return films.order_by(without_plot, "-year").select_related("story").first()


def request_summary(
    title: str, year: int | None = None, note: str = "", email: str = ""
) -> SummaryRequest:
    """Record a reader's request, merged with earlier ones for the same film.

    A film already in the catalogue with a plot is queued for a story build at
    once; any other request waits for an editor. The returned request's
    `get_absolute_url()` is its public status page.
    """
    title, year = split_year(title, year)
    key = title_key(title)
    film = find_film(title, year)
    with transaction.atomic():
        requests = SummaryRequest.objects.select_for_update()
        # One request per film, however readers spell it or give its year.
        request = (
            requests.filter(film=film).first() if film is not None else None
        ) or requests.filter(title_key=key, year=year).first()
        if request is None and film is not None:
            request = (
                requests.filter(title_key=key, film=None)
                .filter(Q(year=None) | Q(year=film.year))
                .first()
            )
        if request is None:
            request = SummaryRequest.objects.create(
                title=title, title_key=key, year=year, notes=note.strip()
            )
        else:
            SummaryRequest.objects.filter(pk=request.pk).update(count=F("count") + 1)
            if note.strip():
                request.notes = "\n".join(filter(None, [request.notes, note.strip()]))
            request.refresh_from_db(fields=["count"])
        _route(request, film)
        request.save()
        if email and request.is_open:
            # An address is kept only while there is something to tell it.
            RequestWatcher.objects.get_or_create(request=request, email=email.lower())
    return request


def _route(request: SummaryRequest, film: Film | None) -> None:
    if film is None or request.status == SummaryRequest.DECLINED:
        return
    request.film = film
    story = getattr(film, "story", None)
    if story is not None and story.is_published:
        request.status = SummaryRequest.PUBLISHED
    elif film.plot:
        if request.status != SummaryRequest.QUEUED:
            jobs.queue_generation(film)
        request.status = SummaryRequest.QUEUED


def story_published(story: Story) -> int:
    """Close the requests for a newly published story and tell their watchers.

    Returns how many addresses were written to; each watcher is written once
    and then forgotten.
    """
    requests = SummaryRequest.objects.open().filter(film=story.film)
    sent = 0
    for request in requests:
        watchers = list(request.watchers.all())
        for watcher in watchers:
            try:
                _send(
                    "audience/mail/request_published.txt",
                    {
                        "request": request,
                        "url": site_url() + story.film.get_absolute_url(),
                    },
                    watcher.email,
                )
            except (SMTPException, OSError) as exc:
                logger.warning(
                    "Mail to a watcher of request #%s failed: %s", request.pk, exc
                )
                continue
            sent += 1
        request.watchers.all().delete()
    requests.update(status=SummaryRequest.PUBLISHED, updated_at=timezone.now())
    return sent


def join_waitlist(email: str) -> None:
    """Sign an address up and mail it a confirmation link (double opt-in).

    Returns nothing, whatever happened: a caller must not learn whether the
    address was already there. A confirmed address gets no mail; an
    unconfirmed one gets the link again, at most twice an hour.
    """
    email = email.strip().lower()
    signup, _ = WaitlistSignup.objects.get_or_create(email=email)
    if signup.is_confirmed:
        return
    if not ratelimit.hit("waitlist_mail", email).allowed:
        logger.info("Confirmation mail for sign-up #%s held back (rate)", signup.pk)
        return
    _send(
        "audience/mail/waitlist_confirm.txt",
        {
            "confirm_url": site_url()
            + reverse("site:waitlist_confirm", args=[signup.token]),
            "leave_url": leave_url(signup),
        },
        email,
        leave=leave_url(signup),
    )


def leave_url(signup: WaitlistSignup) -> str:
    """Return the one-click link that deletes a sign-up."""
    return site_url() + reverse("site:waitlist_leave", args=[signup.token])


def confirm_signup(token: str) -> bool:
    """Confirm the sign-up a link names; False when the link is unknown."""
    updated = WaitlistSignup.objects.filter(token=token, is_confirmed=False).update(
        is_confirmed=True, confirmed_at=timezone.now()
    )
    return bool(updated) or WaitlistSignup.objects.filter(token=token).exists()


def leave_waitlist(token: str) -> bool:
    """Delete the sign-up a link names, address and all; False when unknown."""
    deleted, _ = WaitlistSignup.objects.filter(token=token).delete()
    return bool(deleted)


def _send(template: str, context: dict, to: str, leave: str = "") -> None:
    subject, _, body = render_to_string(template, context).partition("\n\n")
    headers = {}
    if leave:
        headers = {"List-Unsubscribe": f"<{leave}>"}
    EmailMessage(
        subject.strip(),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [to],
        headers=headers,
    ).send()
