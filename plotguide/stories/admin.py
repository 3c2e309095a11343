from django.contrib import admin

from plotguide.stories.models import Story


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["film", "status", "is_faithful", "engine_version", "updated_at"]
    list_filter = ["status", "is_faithful", "engine_version"]
    search_fields = ["film__title"]
    readonly_fields = [
        "engine",
        "engine_version",
        "report",
        "plot_digest",
        "generated_at",
    ]
    raw_id_fields = ["film"]
