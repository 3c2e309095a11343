from django.contrib import admin

from plotguide.catalog.models import (
    Award,
    Collection,
    CollectionItem,
    Credit,
    Film,
    Genre,
    Keyword,
    Person,
    PostCredits,
    Studio,
)
from plotguide.catalog.naming import name_key


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


@admin.register(Film)
class FilmAdmin(admin.ModelAdmin):
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
        obj.key = name_key(obj.name)
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
