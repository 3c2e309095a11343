from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from plotguide.catalog.importers.reading import check_plot
from plotguide.catalog.models import (
    Award,
    Collection,
    CollectionItem,
    Credit,
    Film,
    Genre,
    HeldJoin,
    Keyword,
    Person,
    PostCredits,
    Studio,
)
from plotguide.catalog.services import resolve_held_join


class CreditInline(admin.TabularInline):
    model = Credit
    extra = 0
    autocomplete_fields = ["person"]


class AwardInline(admin.TabularInline):
    model = Award
    extra = 0


class PostCreditsInline(admin.StackedInline):
    model = PostCredits
    extra = 0


class FilmForm(forms.ModelForm):
    """A film as an editor types it, held to the importers' plot rules.

    FilmAdmin names the model and fields; this adds the one plot check.
    """

    def clean_plot(self) -> str:
        plot = self.cleaned_data["plot"]
        problem = check_plot(plot)
        if problem:
            raise forms.ValidationError(f"The {problem}.")
        return plot


@admin.register(Film)
class FilmAdmin(admin.ModelAdmin):
    form = FilmForm
    list_display = ["title", "year", "slug", "plot_source_name"]
    list_filter = ["plot_source_name", "genres"]
    search_fields = ["title", "slug", "imdb_id"]
    readonly_fields = ["field_sources", "created_at", "updated_at"]
    autocomplete_fields = ["studios", "genres", "keywords"]
    inlines = [CreditInline, AwardInline, PostCreditsInline]


@admin.register(Person, Studio, Genre, Keyword)
class NamedAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    exclude = ["key"]

    def save_model(self, request, obj, form, change) -> None:
        obj.key = obj.key_for(obj.name)
        super().save_model(request, obj, form, change)


class CollectionItemInline(admin.TabularInline):
    model = CollectionItem
    extra = 1
    autocomplete_fields = ["film"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["title", "is_published", "updated_at"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CollectionItemInline]


@admin.register(HeldJoin)
class HeldJoinAdmin(admin.ModelAdmin):
    """Records whose film the title alone could not tell: an editor decides."""

    list_display = ["title", "source", "location", "candidate_list", "created_at"]
    list_filter = ["source"]
    search_fields = ["title"]
    readonly_fields = [
        "title",
        "source",
        "location",
        "candidate_links",
        "evidence",
        "plot",
    ]
    exclude = ["record", "plot_digest", "candidates"]
    actions = ["join_only_candidate", "import_as_own_film"]

    @admin.display(description="candidates")
    def candidate_list(self, held: HeldJoin) -> str:
        return ", ".join(str(film) for film in held.candidates.all())

    @admin.display(description="candidate films")
    def candidate_links(self, held: HeldJoin) -> str:
        links = (
            format_html(
                '<a href="{}">{}</a> — <a href="{}">public page</a>',
                reverse("admin:catalog_film_change", args=[film.pk]),
                str(film),
                film.get_absolute_url(),
            )
            for film in held.candidates.all()
        )
        return format_html_join(mark_safe("<br>"), "{}", ((link,) for link in links))

    @admin.display(description="the held plot")
    def plot(self, held: HeldJoin) -> str:
        return held.record.get("plot", "")

    @admin.action(description="Join to its only candidate film")
    def join_only_candidate(self, request, queryset) -> None:
        joined = 0
        for held in queryset.prefetch_related("candidates"):
            candidates = list(held.candidates.all())
            if len(candidates) != 1:
                self.message_user(
                    request,
                    f"{held}: {len(candidates)} candidates; open it and import it "
                    "as its own film, or edit the film it belongs to.",
                    messages.WARNING,
                )
                continue
            resolve_held_join(held, candidates[0])
            joined += 1
        self.message_user(request, f"Joined {joined} held record(s).")

    @admin.action(description="Import as a film of its own")
    def import_as_own_film(self, request, queryset) -> None:
        held_joins = list(queryset)
        for held in held_joins:
            resolve_held_join(held, None)
        self.message_user(request, f"Imported {len(held_joins)} as their own films.")
