"""Editors answer summary requests; sign-ups are counted, their addresses hidden."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from plotguide.audience.models import RequestWatcher, SummaryRequest, WaitlistSignup
from plotguide.stories import jobs


@admin.register(SummaryRequest)
class SummaryRequestAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "count", "status", "film", "watcher_count"]
    list_filter = ["status"]
    search_fields = ["title"]
    fields = ["title", "year", "count", "notes", "status", "film", "reply", "token"]
    readonly_fields = ["count", "notes", "token"]
    raw_id_fields = ["film"]
    actions = ["queue_generation", "decline"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[SummaryRequest]:
        return super().get_queryset(request).annotate(watcher_total=Count("watchers"))

    @admin.display(description="readers to tell", ordering="watcher_total")
    def watcher_count(self, obj: SummaryRequest) -> int:
        return obj.watcher_total  # type: ignore[attr-defined]  # added by get_queryset

    @admin.action(description="Queue a story build for the linked film")
    def queue_generation(self, request: HttpRequest, queryset: QuerySet) -> None:
        linked = queryset.exclude(film=None).select_related("film")
        for summary_request in linked:
            jobs.queue_generation(summary_request.film)
        count = linked.update(status=SummaryRequest.QUEUED)
        self.message_user(request, f"Queued {count} story builds.")
        skipped = queryset.filter(film=None).count()
        if skipped:
            self.message_user(
                request,
                f"{skipped} requests have no film; link one first.",
                messages.WARNING,
            )

    @admin.action(description="Decline (write the reason in the reply first)")
    def decline(self, request: HttpRequest, queryset: QuerySet) -> None:
        RequestWatcher.objects.filter(request__in=queryset).delete()
        count = queryset.update(status=SummaryRequest.DECLINED)
        self.message_user(request, f"Declined {count} requests.")


@admin.register(WaitlistSignup)
class WaitlistSignupAdmin(admin.ModelAdmin):
    """Counts only: the address is not listed, searched, shown or exported."""

    list_display = ["__str__", "is_confirmed", "created_at", "confirmed_at"]
    list_filter = ["is_confirmed"]
    readonly_fields = ("is_confirmed", "created_at", "confirmed_at")
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
