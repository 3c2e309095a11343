"""The catalogue: films, the people and companies behind them, what is known of them."""

from __future__ import annotations

from typing import TypeVar

from django.db import models
from django.urls import reverse

from plotguide.catalog.naming import base_slug, name_key, studio_key, title_key


def unique_slug(
    model: type[models.Model],
    text: str,
    year: int | None = None,
    taken: set[str] | None = None,
) -> str:
    """Return a slug not yet used by the model; slugs never change once given.

    Pass the set of slugs already taken to skip the database look-ups when
    making many at once; the new slug is added to it.
    """
    slug = base_slug(text, year)
    candidate, number = slug, 2
    while (
        candidate in taken
        if taken is not None
        else model._default_manager.filter(slug=candidate).exists()
    ):
        candidate, number = f"{slug}-{number}", number + 1
    if taken is not None:
        taken.add(candidate)
    return candidate


Named = TypeVar("Named", bound="NamedEntity")


class NamedQuerySet(models.QuerySet[Named]):
    def get_or_create_named(self, name: str) -> tuple[Named, bool]:
        """Return the row with this name's key, creating it with a unique slug."""
        key = self.model.key_for(name)
        row = self.filter(key=key).first()
        if row is not None:
            return row, False
        return self.create(name=name, key=key, slug=unique_slug(self.model, name)), True


class NamedEntity(models.Model):
    """A thing known by its name alone: a person, a studio, a genre, a keyword."""

    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, unique=True)
    slug = models.SlugField(max_length=90, unique=True)

    objects = NamedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def key_for(cls, name: str) -> str:
        """Return the key two names of the same thing share."""
        return name_key(name)


class Person(NamedEntity):
    tmdb_id = models.PositiveIntegerField(
        null=True,
        blank=True,
        unique=True,
        help_text="TMDB's person id; people with an id are never merged by name.",
    )

    class Meta(NamedEntity.Meta):
        verbose_name_plural = "people"


class Studio(NamedEntity):
    @classmethod
    def key_for(cls, name: str) -> str:
        """One company under its trading names: "Warner Bros. Pictures" is
        "Warner Bros." (docs/catalogue.md gives the rule)."""
        return studio_key(name)


class Genre(NamedEntity):
    MUSIC_KEYS = frozenset({"music", "musical", "concert film", "music documentary"})


class Keyword(NamedEntity):
    pass


class FilmQuerySet(models.QuerySet["Film"]):
    def with_plot(self) -> FilmQuerySet:
        return self.exclude(plot="")

    def with_published_story(self) -> FilmQuerySet:
        """Films whose story readers see (Story.objects.published()'s rule).

        The catalogue does not import the stories app, so its status is
        spelled here; tests/stories/test_models.py keeps the two in step.
        """
        return self.filter(story__status="published")


def credits_with_people() -> models.Prefetch:
    """Prefetch a film's credits joined to their people in one query.

    Prefetching "credits__person" instead asks for thousands of people by id in
    one expression, which SQLite refuses past a few hundred films.
    """
    return models.Prefetch("credits", queryset=Credit.objects.select_related("person"))


def added_key(relation: str, source: str) -> str:
    """The field_sources key listing what a joining source added to a relation."""
    return f"{relation}+{source}"


class Film(models.Model):
    title = models.CharField(max_length=300)
    title_key = models.CharField(max_length=300, db_index=True, editable=False)
    slug = models.SlugField(max_length=90, unique=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    release_date = models.DateField(null=True, blank=True)
    runtime_minutes = models.PositiveIntegerField(null=True, blank=True)
    origin = models.CharField(max_length=120, blank=True)
    overview = models.TextField(blank=True)
    vote_average = models.FloatField(
        null=True, blank=True, help_text="TMDB's average rating out of 10."
    )
    vote_count = models.PositiveIntegerField(null=True, blank=True)
    popularity = models.FloatField(null=True, blank=True, db_index=True)
    plot = models.TextField(blank=True)
    plot_source_name = models.CharField(max_length=120, blank=True)
    plot_source_url = models.URLField(max_length=500, blank=True)
    plot_licence = models.CharField(max_length=200, blank=True)
    imdb_id = models.CharField(max_length=20, blank=True, db_index=True)
    tmdb_id = models.PositiveIntegerField(null=True, blank=True, unique=True)
    wikipedia_id = models.PositiveIntegerField(null=True, blank=True, unique=True)
    field_sources = models.JSONField(
        default=dict,
        blank=True,
        help_text="Which source last set each field; a source only overwrites its own.",
    )
    created_by = models.CharField(
        max_length=60,
        blank=True,
        help_text="The source whose record created the film; others joined it.",
    )
    studios = models.ManyToManyField(Studio, blank=True, related_name="films")
    genres = models.ManyToManyField(Genre, blank=True, related_name="films")
    keywords = models.ManyToManyField(Keyword, blank=True, related_name="films")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FilmQuerySet.as_manager()

    class Meta:
        ordering = ["title_key", "year"]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def save(self, *args, **kwargs) -> None:
        self.title_key = title_key(self.title)
        if not self.slug:
            self.slug = unique_slug(Film, self.title, self.year)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("site:film_detail", args=[self.slug])

    @property
    def directors(self) -> list[Person]:
        return [credit.person for credit in self.credits.all() if credit.is_director]

    @property
    def cast(self) -> list[Credit]:
        return [credit for credit in self.credits.all() if credit.role == Credit.CAST]

    @property
    def lead_genres(self) -> list[Genre]:
        """The genres of the source that created the film, else all of them.

        Sources that joined it add their own ("genres+bokeh-sampledata" in
        field_sources): OMDb calls No Country for Old Men "Action, Adventure",
        which the one-line facts under the title must not lead with.
        """
        added = {
            key
            for relation, keys in (self.field_sources or {}).items()
            if relation.startswith(added_key("genres", ""))
            for key in keys
        }
        genres = list(self.genres.all())
        return [g for g in genres if g.key not in added] or genres


class Credit(models.Model):
    CAST = "cast"
    DIRECTOR = "director"
    WRITER = "writer"
    ROLES = [(CAST, "Cast"), (DIRECTOR, "Director"), (WRITER, "Writer")]

    # No index of its own: the unique (film, person, role) index starts with it.
    film = models.ForeignKey(
        Film, on_delete=models.CASCADE, related_name="credits", db_index=False
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="credits")
    role = models.CharField(max_length=20, choices=ROLES)
    character = models.CharField(max_length=300, blank=True)
    order = models.PositiveIntegerField(null=True, blank=True)
    source = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["role", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "role"], name="one_credit_per_role"
            )
        ]

    def __str__(self) -> str:
        if self.character:
            return f"{self.person} as {self.character}"
        return f"{self.person} ({self.get_role_display()})"

    @property
    def is_director(self) -> bool:
        return self.role == self.DIRECTOR


class Award(models.Model):
    WON = "won"
    NOMINATED = "nominated"
    OUTCOMES = [(WON, "Won"), (NOMINATED, "Nominated")]

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="awards")
    ceremony = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    category = models.CharField(
        max_length=200,
        blank=True,
        help_text="Blank when the source gives only a count.",
    )
    outcome = models.CharField(max_length=20, choices=OUTCOMES)
    count = models.PositiveSmallIntegerField(default=1)
    source = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["ceremony", "-outcome", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "ceremony", "category", "outcome"],
                name="one_award_line",
            )
        ]

    def __str__(self) -> str:
        what = self.category or f"{self.count} award{'s' if self.count != 1 else ''}"
        return f"{self.ceremony}: {self.get_outcome_display().lower()} {what}"


class PostCredits(models.Model):
    """Whether a reader should stay after the credits, and where that came from."""

    NONE = "none"
    MID = "mid"
    POST = "post"
    BOTH = "both"
    KINDS = [
        (NONE, "Nothing after the credits"),
        (MID, "A mid-credits scene"),
        (POST, "A post-credits scene"),
        (BOTH, "Mid- and post-credits scenes"),
    ]

    film = models.OneToOneField(
        Film, on_delete=models.CASCADE, related_name="post_credits"
    )
    kind = models.CharField(max_length=10, choices=KINDS)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=120)

    class Meta:
        verbose_name_plural = "post-credits facts"

    def __str__(self) -> str:
        return self.get_kind_display()


class Collection(models.Model):
    """An editor-made, ordered list of films."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=90, unique=True)
    description = models.TextField(blank=True)
    is_published = models.BooleanField(default=False)
    films = models.ManyToManyField(Film, through="CollectionItem", related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class CollectionItem(models.Model):
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="items"
    )
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "film"], name="film_once_per_collection"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.film}"


class HeldJoin(models.Model):
    """A record whose film could not be told from its title alone, for an editor.

    Plots without a year meet films by title; when the plot neither clearly
    names a candidate's credited characters nor clearly names none, the
    record waits here instead of being merged on a guess.
    """

    source = models.CharField(max_length=60)
    location = models.CharField(max_length=500)
    title = models.CharField(max_length=300)
    record = models.JSONField(help_text="The record as imported, to apply later.")
    plot_digest = models.CharField(max_length=64, db_index=True)
    candidates = models.ManyToManyField(Film, related_name="held_joins")
    evidence = models.TextField(help_text="What was found, candidate by candidate.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "plot_digest"], name="held_once_per_record"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.source}, {self.location})"
