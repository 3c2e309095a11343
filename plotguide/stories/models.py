"""A film's story as the engine built it, with its checks and an editor's review."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone

from plotguide.catalog.models import Film


class StoryQuerySet(models.QuerySet["Story"]):
    def published(self) -> StoryQuerySet:
        """Stories readers see: the site, the API, feeds and sitemaps read these."""
        return self.filter(status=Story.PUBLISHED)

    def move_to(self, status: str) -> int:
        """Give every story the status, one at a time; return how many moved.

        Each story is saved on its own so that its signals refresh cached
        pages and close readers' requests, which a bulk update would skip.
        """
        stories = list(self.exclude(status=status))
        for story in stories:
            story.move_to(status)
        return len(stories)


class Story(models.Model):
    DRAFT = "draft"
    REVIEWED = "reviewed"
    PUBLISHED = "published"
    STATUSES = [(DRAFT, "Draft"), (REVIEWED, "Reviewed"), (PUBLISHED, "Published")]

    film = models.OneToOneField(Film, on_delete=models.CASCADE, related_name="story")
    engine = models.CharField(max_length=60)
    engine_version = models.CharField(max_length=30)
    data = models.JSONField(help_text="The story as the engine wrote it.")
    corrections = models.JSONField(
        default=dict,
        blank=True,
        help_text="An editor's corrections by section name; they win over the engine.",
    )
    report = models.JSONField(default=list, help_text="The faithfulness checks.")
    is_faithful = models.BooleanField(
        default=False, help_text="Every faithfulness check passed."
    )
    status = models.CharField(max_length=20, choices=STATUSES, default=DRAFT)
    plot_digest = models.CharField(
        max_length=64,
        help_text="Digest of the plot and metadata the story was built from.",
    )
    generated_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When the story was first published; a rebuild keeps it.",
    )
    draft_version = models.JSONField(
        null=True,
        blank=True,
        help_text="A new version of a published story, waiting for an editor: "
        "readers keep the published one until it is published. The story as "
        "the engine wrote it, with its checks, engine and plot digest.",
    )

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "stories"
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"Story of {self.film}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Stamp the first publication, so "new" means newly published, not rebuilt."""
        if self.status == self.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == self.PUBLISHED

    def move_to(self, status: str) -> None:
        """Change the review status; the first publication is stamped by save()."""
        self.status = status
        self.save(update_fields=["status", "updated_at"])

    def publish(self) -> None:
        """Show the story to readers and close the requests that asked for it."""
        self.move_to(self.PUBLISHED)

    def take_draft_version(self) -> bool:
        """Make the draft version the story's text; False when none may be taken.

        A published story is published with it at once (an editor publishing
        the version they reviewed); another becomes a draft with it. A draft
        version that failed a faithfulness check is never taken. An editor's
        corrections still win over it.
        """
        draft = self.draft_version
        if not draft or not draft.get("is_faithful"):
            return False
        self.data = draft["data"]
        self.report = draft["report"]
        self.is_faithful = True
        self.engine = draft["engine"]
        self.engine_version = draft["engine_version"]
        self.plot_digest = draft["plot_digest"]
        self.draft_version = None
        if not self.is_published:
            self.status = self.DRAFT
        self.save()
        return True

    def discard_draft_version(self) -> None:
        self.draft_version = None
        self.save(update_fields=["draft_version", "updated_at"])

    @property
    def sections(self) -> dict[str, Any]:
        """The story's sections, an editor's corrections winning over the engine's."""
        return {**self.data, **(self.corrections or {})}

    @property
    def failed_checks(self) -> list[dict[str, Any]]:
        return [check for check in self.report if not check.get("passed")]


class SimilarFilmQuerySet(models.QuerySet["SimilarFilm"]):
    def with_published_story(self) -> SimilarFilmQuerySet:
        """Similar films a reader may follow: those whose own story is published."""
        return self.filter(film__story__status=Story.PUBLISHED)


class SimilarFilm(models.Model):
    """A film whose story echoes this one, with the reasons in a few words."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="similar")
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    reasons = models.JSONField(default=list)

    objects = SimilarFilmQuerySet.as_manager()

    class Meta:
        ordering = ["story", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["story", "film"], name="similar_once")
        ]

    def __str__(self) -> str:
        return f"{self.film} (similar to {self.story.film})"


class GenerationJob(models.Model):
    """A queued story build, drained by `plotguide work` or the demo's loop.

    The embedded default has no broker; this table is its queue. With
    PLOTGUIDE_BROKER_URL set, Celery workers take the jobs instead.
    """

    QUEUED = "queued"
    DONE = "done"
    FAILED = "failed"
    STATUSES = [(QUEUED, "Queued"), (DONE, "Done"), (FAILED, "Failed")]

    film = models.OneToOneField(
        Film, on_delete=models.CASCADE, related_name="generation_job"
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    error = models.TextField(blank=True)
    queued_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["queued_at"]

    def __str__(self) -> str:
        return f"{self.get_status_display()}: {self.film}"
