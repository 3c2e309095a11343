"""Plots written for these tests (not taken from any dataset)."""

from plotguide.engine import CastCredit, FilmText, PostCredits

HARBOR_PLOT = "\n".join(
    (
        (
            "Detective Nora Vance is a weary homicide detective in the harbor town "
            "of Port Ellis, Maine."
        ),
        (
            "Her captain, Walter Greaves, assigns her a rookie partner, Sam Okafor,"
            " after a fisherman is found drowned near the docks."
        ),
        (
            "Vance and Okafor learn that the fisherman owed money to Victor Crane, "
            "a wealthy shipping owner."
        ),
        (
            "Crane invites Vance to his mansion and insists that he barely knew the"
            " dead man."
        ),
        "Okafor discovers a ledger hidden on the fisherman's boat.",
        "The ledger lists payments from Crane to several harbor officials.",
        (
            "Vance decides to keep the ledger secret from Greaves until she can "
            "prove who wrote it."
        ),
        (
            "Nora Vance and Sam Okafor follow Crane's trucks to a warehouse outside"
            " Portland."
        ),
        "There they see crates of stolen medicine being loaded onto a ship.",
        (
            "Vance confronts Greaves with the ledger, and Greaves warns her to drop"
            " the case."
        ),
        "The next morning the ledger disappears from the evidence room.",
        "Okafor is attacked in the parking lot and spends two days in the hospital.",
        (
            "Vance visits Lena Marsh, the fisherman's sister, who tells her about a"
            " second ledger."
        ),
        "Lena gives Vance the second ledger, which names Greaves as Crane's partner.",
        "At the warehouse, Greaves shoots Crane to silence him.",
        "Vance arrests Greaves on the pier after a long chase.",
        (
            "Greaves confesses that he drowned the fisherman to protect the "
            "smuggling ring."
        ),
        "Okafor returns to work, and Vance asks him to stay on as her partner.",
        "In a mid-credits scene, Lena opens a letter from her brother.",
    )
)

HARBOR = FilmText(
    title="The Harbor Ledger",
    year=2019,
    plot=HARBOR_PLOT,
    cast=(
        CastCredit("Imogen Hale", "Nora Vance", 0),
        CastCredit("Daniel Achebe", "Sam Okafor", 1),
        CastCredit("Rupert Stone", "Captain Walter Greaves", 2),
        CastCredit("Miles Corbin", "Victor Crane", 3),
    ),
    directors=("Ada Linwood",),
    genres=("Crime", "Thriller"),
    keywords=("police corruption", "smuggling", "detective"),
)

GARDEN_PLOT = "\n".join(
    (
        "Elsie Moreau is a shy botanist who works at the Royal Gardens in London.",
        (
            "She meets Tom Hardwick, a gardener who keeps bees on the roof of the "
            "glasshouse."
        ),
        "Tom asks Elsie to help him save a rare orchid before the winter show.",
        "Elsie agrees, and they spend long nights together in the glasshouse.",
        "Elsie's mother, Colette, wants her to take a job in Paris instead.",
        "Elsie accepts the job in Paris and leaves without telling Tom.",
        "In Paris, Elsie realizes that she misses Tom and the gardens.",
        "Tom enters the orchid in the winter show and wins first prize.",
        "Elsie returns to London and finds Tom in the glasshouse.",
        "Tom and Elsie marry in the gardens the following spring.",
    )
)

GARDEN = FilmText(
    title="The Glasshouse",
    year=2008,
    plot=GARDEN_PLOT,
    cast=(
        CastCredit("Clara Whitfield", "Elsie Moreau", 0),
        CastCredit("Owen Pryce", "Tom Hardwick", 1),
    ),
    directors=("Ada Linwood",),
    genres=("Romance",),
    keywords=("love", "flower"),
    post_credits=PostCredits("none", "", "example.org"),
)


def film(plot: str, **fields: object) -> FilmText:
    """Return a FilmText with a title, for plots defined inside a test."""
    return FilmText(
        title=str(fields.pop("title", "Untitled")), year=None, plot=plot, **fields
    )


def other_credits(count: int) -> tuple[CastCredit, ...]:
    """Credits for parts the plot never names: with them the cast list is
    full, so a name the credits leave out needs more mentions to count."""
    return tuple(CastCredit(f"Actor {n}", f"Part {n}") for n in range(count))
