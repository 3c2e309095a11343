"""Editors review stories: draft → reviewed → published, corrections, rebuilds."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from plotguide.engine.story import STORY_SECTIONS
from plotguide.stories import jobs
from plotguide.stories.models import GenerationJob, SimilarFilm, Story

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
        cleaned = super().clean()
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
    ]
    fieldsets = [
        (None, {"fields": ["film", "status", "is_faithful", "report"]}),
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
    actions = ["mark_reviewed", "publish", "back_to_draft", "regenerate"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="failed checks")
    def failed_check_count(self, obj: Story) -> int:
        return len(obj.failed_checks)

    @admin.display(description="corrected", boolean=True)
    def is_corrected(self, obj: Story) -> bool:
        return bool(obj.corrections)

    @admin.action(description="Mark as reviewed")
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        count = queryset.filter(status=Story.DRAFT).move_to(Story.REVIEWED)
        self.message_user(request, f"{count} stories marked as reviewed.")

    @admin.action(description="Publish (reviewed stories only)")
    def publish(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
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
    def back_to_draft(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        count = queryset.move_to(Story.DRAFT)
        self.message_user(request, f"{count} stories moved back to draft.")

    @admin.action(description="Regenerate (keeps editors' corrections)")
    def regenerate(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        stories = list(queryset.select_related("film"))
        for story in stories:
            jobs.queue_generation(story.film)
        self.message_user(request, f"{len(stories)} story builds queued.")


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
