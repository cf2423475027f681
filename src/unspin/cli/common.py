"""What every command module shares: the parser class, option types and groups, the
progress bar, and the one way of printing."""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from unspin import app
from unspin.errors import ConfigError

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction["Parser"]
else:
    Commands = argparse._SubParsersAction

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
EXIT_INTERRUPTED = 130

FORMATS = ("json", "html", "md")

EPILOG = """\
exit codes:
  0    every input was read and every analyzer ran
  1    some inputs could not be read, or an analyzer failed on some document;
       or an id or name the store holds nothing under (document, story, outlet)
  2    usage or configuration error
  3    a model or an optional package is missing
  130  interrupted (reports already written are kept)
"""

#: ``add_parser`` keywords of commands that show the exit codes.
WITH_EPILOG: dict[str, Any] = {
    "epilog": EPILOG,
    "formatter_class": argparse.RawDescriptionHelpFormatter,
}


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"unspin: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_USAGE)


#: Characters a terminal may run as commands (escape sequences, bells, carriage returns,
#: C1 controls): never printed from article text. Tab and newline stay.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without terminal control characters."""
    return _CONTROLS.sub("", text)


class TerminalText(io.TextIOBase):
    """A terminal's text stream that drops control characters from everything written
    (``main`` puts it in front of a standard output that is a terminal)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def buffer(self) -> Any:
        return self._stream.buffer


def echo(text: str = "", *, err: bool = False) -> None:
    stream: TextIO = sys.stderr if err else sys.stdout
    stream.write(printable(text) + "\n")


def language_notes(run: app.AnalyzeRun) -> None:
    """One stderr line per document an English-only analyzer skipped for its language."""
    for line in run.languages:
        echo(f"unspin: {line} (--language en to force)", err=True)


def group(sub: Commands, name: str, dest: str, metavar: str = "COMMAND", **kwargs: Any) -> Commands:
    """A command with sub-commands (``unspin corpus ...``); alone, it prints its help."""
    parser = sub.add_parser(name, **kwargs)
    commands = parser.add_subparsers(dest=dest, metavar=metavar, parser_class=Parser)
    parser.set_defaults(func=lambda args: usage(parser))
    return commands


def usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE


# -- option types ----------------------------------------------------------------------


def formats(value: str) -> list[str]:
    out = []
    for part in value.split(","):
        part = part.strip().lower()
        if part == "markdown":
            part = "md"
        if part not in FORMATS:
            raise argparse.ArgumentTypeError(
                f"unknown format {part!r}; choose from {', '.join(FORMATS)}"
            )
        out.append(part)
    return out


def positive_int(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number <= 0:
        raise argparse.ArgumentTypeError("must be positive")
    return number


def search_text(value: str) -> str:
    """A search query or claim with words in it (an empty one would match nothing, or
    everything, without a word of why)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty: give the words to search for")
    return value


def iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def score(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return number


def analyzer_names(value: str) -> str:
    """An argparse type: a comma-separated list that names at least one analyzer (an
    empty one would run none and report nothing, with exit code 0)."""
    if not any(name.strip() for name in value.split(",")):
        raise argparse.ArgumentTypeError(
            "names no analyzer (give comma-separated names such as sources,claims; "
            "'unspin analyzers' lists them)"
        )
    return value


def language_code(value: str) -> str:
    """An argparse type: an ISO 639-1 code (:func:`unspin.app.check_language_code`)."""
    try:
        app.check_language_code(value)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def choices(allowed: Sequence[str], what: str) -> Callable[[str], list[str]]:
    """An argparse type: comma-separated values, each one of ``allowed``."""

    def parse(value: str) -> list[str]:
        out = [v.strip().lower() for v in value.split(",") if v.strip()]
        for v in out:
            if v not in allowed:
                raise argparse.ArgumentTypeError(
                    f"unknown {what} {v!r}; choose from {', '.join(allowed)}"
                )
        return out

    return parse


# -- option groups ---------------------------------------------------------------------


def paths_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or '-' (stdin)")


def report_formats_option(p: argparse.ArgumentParser, help: str) -> None:
    p.add_argument(
        "-f",
        "--format",
        type=formats,
        action="extend",
        dest="formats",
        metavar="FORMAT",
        help=help,
    )


def config_backbone_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-c", "--config", type=Path, metavar="FILE", help="a TOML config file")
    p.add_argument(
        "--backbone", choices=("spacy", "fake"), help="NLP backbone ('fake': no models, rules only)"
    )


def max_bytes_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-bytes", type=positive_int, metavar="N", help="refuse inputs larger than N bytes"
    )


def pipeline_options(p: argparse.ArgumentParser) -> None:
    """The options that configure the analysis, shared by analyze and corpus ingest."""
    p.add_argument("-c", "--config", type=Path, metavar="FILE", help="a TOML config file")
    p.add_argument(
        "--analyzers",
        type=analyzer_names,
        metavar="NAMES",
        help="comma-separated analyzers to run (overrides config)",
    )
    p.add_argument(
        "--backbone", choices=("spacy", "fake"), help="NLP backbone ('fake': no models, rules only)"
    )
    p.add_argument(
        "--language",
        type=language_code,
        metavar="CODE",
        help="the documents' language as an ISO 639-1 code (e.g. en, de), instead of "
        "detecting each one's; English-only analyzers skip other languages",
    )
    max_bytes_option(p)
    p.add_argument(
        "--techniques-threshold",
        type=float,
        metavar="X",
        help="show technique spans scoring at least X (default: the precision operating "
        "point in the techniques model card; lower shows more)",
    )
    p.add_argument(
        "--all-candidates",
        action="store_true",
        help="show every candidate finding of the analyzers that hide weak ones by default "
        "(techniques: every decoded span, the best-F1 operating point; sources: weak "
        "partial quotes; certainty: cues scored under 0.5)",
    )


def pipeline_config(args: argparse.Namespace, db: str | None = None) -> app.Config:
    """The configuration the options of :func:`pipeline_options` ask for."""
    return app.pipeline_config(
        args.config,
        analyzers=args.analyzers,
        backbone=args.backbone,
        language=args.language,
        max_bytes=args.max_bytes,
        db=db,
        techniques_threshold=args.techniques_threshold,
        all_candidates=args.all_candidates,
    )


def db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        help="the store: a file path, sqlite:///PATH (relative; an absolute path takes four "
        "slashes, sqlite:////srv/c.db) or postgresql://... (default: $UNSPIN_DB, else "
        "unspin.db here)",
    )


def limit_option(p: argparse.ArgumentParser, default: int, what: str) -> None:
    p.add_argument(
        "-n",
        "--limit",
        type=positive_int,
        default=default,
        metavar="N",
        help=f"{what} (default {default})",
    )


def batch_size_option(p: argparse.ArgumentParser, default: int, what: str) -> None:
    p.add_argument(
        "--batch-size",
        type=positive_int,
        default=default,
        metavar="N",
        help=f"{what} (default {default})",
    )


def progress_options(p: argparse.ArgumentParser, auto: str) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help=f"progress bar with rate and ETA on stderr (auto: {auto})",
    )


# -- progress --------------------------------------------------------------------------


def wants_progress(args: argparse.Namespace, several: bool = True) -> bool:
    """Whether ``-q`` / ``--progress`` (absent: auto) ask for a bar; ``auto`` shows it
    when ``several`` inputs are expected and stderr is a terminal."""
    progress = getattr(args, "progress", "auto")
    if getattr(args, "quiet", False) or progress == "never":
        return False
    if progress == "always":
        return True
    return several and sys.stderr.isatty()


@contextlib.contextmanager
def progress_bar(enabled: bool, desc: str) -> Iterator[app.Progress | None]:
    """A tqdm bar on stderr that renders :class:`unspin.app.ProgressEvent` s (None when
    not ``enabled``); closed when the block ends, however it ends."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(desc=desc, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def show(event: app.ProgressEvent) -> None:
        if event.total is not None and bar.total != event.total:
            bar.total = event.total
        bar.update(event.done - bar.n)
        if event.counts:
            bar.set_postfix(dict(sorted(event.counts.items())), refresh=False)  # as keywords

    try:
        yield show
    finally:
        bar.close()


@contextlib.contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    """``path`` opened for writing text (UTF-8, CSV-safe newlines), closed afterwards; stdout
    when None. A file that cannot be opened is a one-line :class:`ConfigError`."""
    if path is None:
        yield sys.stdout
        return
    try:
        out = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc}") from None
    with out:
        yield out


def engine_options(p: argparse.ArgumentParser, workers_help: str) -> None:
    """``--workers N``, ``--engine local|ray`` and ``--address ADDR``."""
    p.add_argument("--workers", type=positive_int, metavar="N", help=workers_help)
    p.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="this machine, or Ray Data on a Ray cluster (the ray extra; default local)",
    )
    p.add_argument(
        "--address",
        metavar="ADDR",
        help="with --engine ray: the Ray cluster to connect to (default: start a local one)",
    )


#: What a store holds to check claims against (counted, and none), and the command that
#: adds it.
_KNOWLEDGE = {
    "factchecks": ("fact-check(s)", "fact-checks", "unspin factchecks import FILE..."),
    "passages": ("evidence passage(s)", "evidence passages", "unspin evidence add PATH..."),
}


def nothing_found(db: str | None, what: str) -> str:
    """What a search of the store's ``what`` (``factchecks``, ``passages``) that found
    nothing says: no match among how many it holds, or that it holds none and how to add
    them."""
    held = app.held_knowledge(db)
    count = held.factchecks if what == "factchecks" else held.passages
    counted, name, command = _KNOWLEDGE[what]
    if count:
        return f"no results ({count:,} {counted} searched)"
    return f"{held.url} holds no {name}: add some with '{command} --db {held.url}'"
