"""People who ask us for something: a film's summary, or news of the app."""

from __future__ import annotations

import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plotguide.catalog.models import Film


def new_token() -> str:
    return secrets.token_urlsafe(16)


class SummaryRequestQuerySet(models.QuerySet["SummaryRequest"]):
    def open(self) -> SummaryRequestQuerySet:
        return self.exclude(status__in=SummaryRequest.CLOSED)


class SummaryRequest(models.Model):
    """One film readers asked for; asking again adds to the count."""

    NEW = "new"
    QUEUED = "queued"
    PUBLISHED = "published"
    DECLINED = "declined"
    CLOSED = (PUBLISHED, DECLINED)
    STATUSES = [
        (NEW, _("Waiting for an editor")),
        (QUEUED, _("Story being written")),
        (PUBLISHED, _("Published")),
        (DECLINED, _("Declined")),
    ]

    title = models.CharField(max_length=300)
    title_key = models.CharField(max_length=300, editable=False)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True, help_text="Readers' notes, one per line.")
    count = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=20, choices=STATUSES, default=NEW)
    film = models.ForeignKey(
        Film, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply = models.TextField(
        blank=True, help_text="An editor's answer, shown on the status page."
    )
    token = models.CharField(max_length=40, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SummaryRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-count", "-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["title_key", "year"], name="one_request_per_film"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def get_absolute_url(self) -> str:
        return reverse("site:request_status", args=[self.token])

    @property
    def is_open(self) -> bool:
        return self.status not in self.CLOSED


class RequestWatcher(models.Model):
    """An address to tell when a requested story is published; never shown."""

    request = models.ForeignKey(
        SummaryRequest, on_delete=models.CASCADE, related_name="watchers"
    )
    email = models.EmailField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "email"], name="watch_once")
        ]

    def __str__(self) -> str:
        return f"Watcher #{self.pk}"


class WaitlistSignup(models.Model):
    """One address waiting for the app, confirmed by a link sent to it.

    The address is kept only to send mail: it never appears in a page, the
    admin, an export or a log line; leaving deletes the row.
    """

    email = models.EmailField(unique=True)
    token = models.CharField(max_length=40, unique=True, default=new_token)
    is_confirmed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Sign-up #{self.pk}"
