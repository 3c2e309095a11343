from django.db import migrations, models
from django.db.models import F


def stamp_published(apps, schema_editor):
    """Stories published before the field existed count from their last change."""
    Story = apps.get_model("stories", "Story")
    Story.objects.filter(status="published").update(published_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="published_at",
            field=models.DateTimeField(
                blank=True,
                db_index=True,
                help_text="When the story was first published; a rebuild keeps it.",
                null=True,
            ),
        ),
        migrations.RunPython(stamp_published, migrations.RunPython.noop),
    ]
