"""Editors review stories: draft → reviewed → published, corrections, rebuilds.

"Rewrite with the model" rebuilds stories with the writer engine while the
editor waits; the new version of a published story waits beside it as its
draft version, and readers keep the published text until an editor publishes
the rewrite.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from plotguide.catalog.models import Film
from plotguide.engine.story import STORY_SECTIONS
from plotguide.engine.writer import WRITER_NAME
from plotguide.stories import jobs
from plotguide.stories.engines import engine_options, missing_llm_settings
from plotguide.stories.models import GenerationJob, SimilarFilm, Story, StoryQuerySet

EDITABLE_SECTIONS = STORY_SECTIONS


def section_field() -> forms.JSONField:
    return forms.JSONField(
        required=False, widget=forms.Textarea(attrs={"rows": 8, "cols": 100})
    )


class StoryForm(forms.ModelForm):
    """One JSON box per section, holding what readers see now.

    A section left as the engine wrote it stays uncorrected; a changed one is
    saved as the editor's correction, which wins over the engine and survives
    regeneration.
    """

    summary = section_field()
    timeline = section_field()
    characters = section_field()
    setting = section_field()
    themes = section_field()
    spoiler_free = section_field()
    quiz = section_field()
    after_credits = section_field()

    class Meta:
        model = Story
        fields = ["status"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sections = self.instance.sections if self.instance.pk else {}
        corrected = self.instance.corrections or {}
        for name in EDITABLE_SECTIONS:
            self.fields[name].initial = sections.get(name)
            self.fields[name].help_text = (
                "Corrected by an editor." if name in corrected else "As generated."
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in EDITABLE_SECTIONS:
            value = cleaned.get(name)
            original = (self.instance.data or {}).get(name)
            if (
                value is not None
                and original is not None
                and type(value) is not type(original)
            ):
                self.add_error(
                    name,
                    f"This section must stay a JSON "
                    f"{type(original).__name__.replace('dict', 'object')}.",
                )
        return cleaned

    def save(self, commit: bool = True) -> Story:
        story = super().save(commit=False)
        corrections = dict(story.corrections or {})
        for name in EDITABLE_SECTIONS:
            value = self.cleaned_data.get(name)
            if value is None or value == (story.data or {}).get(name):
                corrections.pop(name, None)
            else:
                corrections[name] = value
        story.corrections = corrections
        if commit:
            story.save()
        return story


class SimilarFilmInline(admin.TabularInline):
    model = SimilarFilm
    fk_name = "story"
    extra = 0
    raw_id_fields = ["film"]


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    form = StoryForm
    list_display = [
        "film",
        "status",
        "is_faithful",
        "failed_check_count",
        "is_corrected",
        "has_draft_version",
        "updated_at",
    ]
    list_filter = ["status", "is_faithful", "engine_version"]
    list_select_related = ["film"]
    search_fields = ["film__title"]
    readonly_fields = [
        "film",
        "is_faithful",
        "report",
        "engine",
        "engine_version",
        "generated_at",
        "updated_at",
        "draft_version_for_review",
    ]
    fieldsets = [
        (None, {"fields": ["film", "status", "is_faithful", "report"]}),
        (
            "Rewrite waiting for review (readers see the sections below until it "
            "is published)",
            {"fields": ["draft_version_for_review"]},
        ),
        ("Sections (edit to correct)", {"fields": list(EDITABLE_SECTIONS)}),
        (
            "Engine",
            {
                "classes": ["collapse"],
                "fields": ["engine", "engine_version", "generated_at", "updated_at"],
            },
        ),
    ]
    inlines = [SimilarFilmInline]
    actions = [
        "mark_reviewed",
        "publish",
        "back_to_draft",
        "regenerate",
        "rewrite_with_model",
        "publish_rewrite",
        "discard_rewrite",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="failed checks")
    def failed_check_count(self, obj: Story) -> int:
        return len(obj.failed_checks)

    @admin.display(description="corrected", boolean=True)
    def is_corrected(self, obj: Story) -> bool:
        return bool(obj.corrections)

    @admin.display(description="rewrite waiting", boolean=True)
    def has_draft_version(self, obj: Story) -> bool:
        return obj.draft_version is not None

    @admin.display(description="rewrite")
    def draft_version_for_review(self, obj: Story) -> str:
        draft = obj.draft_version
        if not draft:
            return "None."
        data = draft.get("data", {})
        writers = ", ".join(
            f"{a['section']} ({a.get('model') or a['engine']})"
            for a in data.get("written_by", [])
            if a.get("engine") == WRITER_NAME
        )
        failed = [c["name"] for c in draft.get("report", []) if not c.get("passed")]
        verdict = (
            f"failed {', '.join(failed)}; it cannot be published"
            if failed
            else "passes every check"
        )
        sections = {name: data.get(name) for name in STORY_SECTIONS if name in data}
        return format_html(
            "<p>Written by the model: {}. The rewrite {}.</p><pre>{}</pre>",
            writers or "no section (the offline engine's text)",
            verdict,
            json.dumps(sections, ensure_ascii=False, indent=2),
        )

    @admin.action(description="Mark as reviewed")
    def mark_reviewed(self, request: HttpRequest, queryset: StoryQuerySet) -> None:
        count = queryset.filter(status=Story.DRAFT).move_to(Story.REVIEWED)
        self.message_user(request, f"{count} stories marked as reviewed.")

    @admin.action(description="Publish (reviewed stories only)")
    def publish(self, request: HttpRequest, queryset: StoryQuerySet) -> None:
        skipped = queryset.exclude(status=Story.REVIEWED).count()
        count = queryset.filter(status=Story.REVIEWED).move_to(Story.PUBLISHED)
        self.message_user(request, f"{count} stories published.")
        if skipped:
            self.message_user(
                request,
                f"{skipped} stories were not published: review them first.",
                messages.WARNING,
            )

    @admin.action(description="Back to draft (unpublish)")
    def back_to_draft(self, request: HttpRequest, queryset: StoryQuerySet) -> None:
        count = queryset.move_to(Story.DRAFT)
        self.message_user(request, f"{count} stories moved back to draft.")

    @admin.action(description="Regenerate (keeps editors' corrections)")
    def regenerate(self, request: HttpRequest, queryset: StoryQuerySet) -> None:
        stories = list(queryset.select_related("film"))
        for story in stories:
            jobs.queue_generation(story.film)
        self.message_user(request, f"{len(stories)} story builds queued.")

    @admin.action(description="Rewrite with the model (new version as a draft)")
    def rewrite_with_model(
        self, request: HttpRequest, queryset: QuerySet[Story]
    ) -> None:
        """Rebuild the stories with the writer engine now, as drafts for review."""
        from plotguide.stories.services import build_stories

        options = {**engine_options(), "name": "llm"}
        missing = missing_llm_settings(options)
        if missing:
            self.message_user(
                request,
                f"Nothing was rewritten: the model is not set up. Set "
                f"{' and '.join(missing)} in the site's environment "
                "(PLOTGUIDE_LLM_URL: the OpenAI-compatible server's address, e.g. "
                "http://127.0.0.1:8080/v1; PLOTGUIDE_LLM_MODEL: the model it "
                "serves; PLOTGUIDE_LLM_API_KEY too, if it wants a key), then "
                "restart the site.",
                messages.ERROR,
            )
            return
        ids = list(queryset.values_list("pk", flat=True))
        report = build_stories(
            Film.objects.filter(story__pk__in=ids),
            force=True,
            as_draft=True,
            options=options,
            workers_count=1,
        )
        stories = Story.objects.filter(pk__in=ids).select_related("film")
        beside = sum(story.draft_version is not None for story in stories)
        self.message_user(
            request,
            f"{report.generated} stories rewritten with the model as drafts for "
            f"review; {beside} of them wait beside their published version, "
            "which readers keep until you publish the rewrite.",
        )
        for story in stories:
            data = (story.draft_version or {}).get("data") or story.data
            authors = data.get("written_by") or []
            if authors and not any(a.get("engine") == WRITER_NAME for a in authors):
                notes = sorted({a["note"] for a in authors if a.get("note")})
                self.message_user(
                    request,
                    f"{story.film}: the model wrote no section"
                    f"{' (' + '; '.join(notes[:2]) + ')' if notes else ''}; "
                    "the draft holds the offline engine's text.",
                    messages.WARNING,
                )
        for slug, error in report.failed:
            self.message_user(
                request, f"{slug}: not rewritten: {error}", messages.WARNING
            )

    @admin.action(description="Publish the rewrite (replaces the published text)")
    def publish_rewrite(self, request: HttpRequest, queryset: StoryQuerySet) -> None:
        published = drafts = skipped = 0
        for story in queryset.filter(draft_version__isnull=False):
            if not story.take_draft_version():
                skipped += 1
            elif story.is_published:
                published += 1
            else:
                drafts += 1
        self.message_user(request, f"{published} rewrites published.")
        if drafts:
            self.message_user(
                request,
                f"{drafts} rewrites of unpublished stories became their text, as "
                "drafts: review and publish them.",
            )
        if skipped:
            self.message_user(
                request,
                f"{skipped} rewrites failed a faithfulness check and were not "
                "published; discard them, or rewrite again.",
                messages.WARNING,
            )

    @admin.action(description="Discard the rewrite")
    def discard_rewrite(self, request: HttpRequest, queryset: StoryQuerySet) -> None:
        stories = list(queryset.filter(draft_version__isnull=False))
        for story in stories:
            story.discard_draft_version()
        self.message_user(request, f"{len(stories)} rewrites discarded.")


@admin.register(GenerationJob)
class GenerationJobAdmin(admin.ModelAdmin):
    """Queued builds and their outcomes: a failed one says why, in words."""

    list_display = ["film", "status", "error", "queued_at", "finished_at"]
    list_filter = ["status"]
    list_select_related = ["film"]
    search_fields = ["film__title"]
    readonly_fields = ["film", "status", "error", "queued_at", "finished_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
