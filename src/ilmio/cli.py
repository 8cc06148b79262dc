"""The ``ilmio`` command: a thin wrapper over Ilmiö's Django management commands.

Every job is a management command in the app that owns it (decision 0010); this module
only prepares the local environment (data directory, persisted secret key), maps the
user-facing names onto those commands and runs them with Django's own parsers, so
``ilmio <command> --help`` is the command's help. ``ilmio analyze`` and ``ilmio evaluate``
need no database and never set Django up.

No command migrates on its own: ``ilmio migrate`` does, and every database command
refuses a database with unapplied migrations.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PROG = "ilmio"
DESCRIPTION = "Ilmiö – knowledge production for structural social work."
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class CliError(Exception):
    """A clear, user-facing failure: printed without a traceback, exit code 1."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# --- environment ------------------------------------------------------------------------


def data_dir() -> Path:
    return Path(os.environ.get("ILMIO_DATA_DIR", Path.cwd() / "var")).resolve()


def prepare_local_environment() -> None:
    """Defaults for running on one's own machine: a data directory and a persisted secret.

    Production sets ILMIO_SECRET_KEY itself; here a random key is created once in the data
    directory so sessions survive restarts of the demo.
    """
    directory = data_dir()
    directory.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ILMIO_DATA_DIR", str(directory))
    if not os.environ.get("ILMIO_SECRET_KEY"):
        key_file = directory / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
            key_file.chmod(0o600)
        os.environ["ILMIO_SECRET_KEY"] = key_file.read_text(encoding="utf-8").strip()


def setup_django(local: bool = True) -> None:
    """Set Django up once; ``local=False`` (``--help``) creates nothing on disk."""
    from django.apps import apps

    if apps.ready:  # already set up: the tests, or a caller's own process
        return
    if local:
        prepare_local_environment()
    elif not os.environ.get("ILMIO_SECRET_KEY"):
        os.environ["ILMIO_SECRET_KEY"] = secrets.token_urlsafe(50)  # only to print help; never stored
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilmio.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        raise CliError(str(error)) from error


def wants_help(args: Sequence[str]) -> bool:
    return "-h" in args or "--help" in args


def option_value(args: Sequence[str], option: str, default: str) -> str:
    """The value of ``option`` in ``args`` before any parsing (for settings read at setup)."""
    value = default
    for index, arg in enumerate(args):
        if arg == option and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith(option + "="):
            value = arg.split("=", 1)[1]
    return value


def serve_environment(args: Sequence[str]) -> None:
    if option_value(args, "--host", "127.0.0.1") in LOOPBACK:
        # Plain HTTP on loopback only; anything else expects TLS in front.
        os.environ.setdefault("ILMIO_INSECURE_HTTP", "1")


def demo_environment(args: Sequence[str]) -> None:
    # Before Django is set up: demo mode installs the demo app; the demo serves plain HTTP,
    # sends its e-mails to files in the data directory and runs tasks at once.
    os.environ.setdefault("ILMIO_DEMO", "1")
    os.environ.setdefault("ILMIO_INSECURE_HTTP", "1")
    os.environ.setdefault("ILMIO_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    os.environ.setdefault("ILMIO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")


# --- running a management command ----------------------------------------------------------


def run_command(name: str, display: str, args: Sequence[str], *, demo: bool = False) -> int:
    """Run management command ``name`` with command-line ``args``, shown as ``ilmio <display>``.

    Django's own parser (usage errors exit 2, ``--help`` exits 0), Django's own
    ``execute``; a ``CommandError`` is one line on standard error and its exit code.
    """
    from django.core.management import get_commands, load_command_class
    from django.core.management.base import BaseCommand, CommandError
    from django.db import OperationalError

    app = get_commands().get(name)
    if app is None:
        if demo:
            raise CliError(f"'{display}' belongs to the demo, which is installed only in demo mode "
                           "(ILMIO_DEMO=1, on a machine whose database holds nothing real)")  # fmt: skip
        raise CliError(f"no management command {name!r}")
    command = app if isinstance(app, BaseCommand) else load_command_class(app, name)
    command._called_from_command_line = True  # type: ignore[attr-defined]  # usage errors: usage line, exit 2
    options = vars(command.create_parser(PROG, display).parse_args(list(args)))
    positional = options.pop("args", ())
    try:
        command.execute(*positional, **options)
    except (CommandError, OperationalError) as error:
        if options.get("traceback"):
            raise
        message = str(error) if isinstance(error, CommandError) else f"database: {error}"
        print(f"{PROG} {display}: error: {message}", file=sys.stderr)
        return getattr(error, "returncode", 1)
    return 0


Runner = Callable[[str, list[str]], int]


def management(name: str, *, environment: Callable[[Sequence[str]], None] | None = None,
               demo: bool = False) -> Runner:  # fmt: skip
    """A runner for one management command, with environment set before Django is."""

    def run(display: str, args: list[str]) -> int:
        if environment is not None:
            environment(args)
        setup_django(local=not wants_help(args))
        return run_command(name, display, args, demo=demo)

    return run


def run_migrate(display: str, args: list[str]) -> int:
    setup_django(local=not wants_help(args))
    status = run_command("migrate", display, args)
    if status or {"--plan", "--check", "--prune"} & set(args):
        return status
    return run_command("createcachetable", display, [])


def run_load_reference(display: str, args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} {display}",
        description="Load or reload geography, population and taxonomy (idempotent; the shipped files by "
        "default). Runs the management commands load_areas and load_taxonomy.",
    )
    parser.add_argument("--municipalities", type=Path, help="municipality classification CSV")
    parser.add_argument("--year", type=int, help="classification year (default: from the file name)")
    parser.add_argument("--population", type=Path, help="population CSV")
    parser.add_argument("--taxonomy", type=Path, help="taxonomy JSON")
    options = parser.parse_args(args)
    areas = [arg for option in ("municipalities", "year", "population") if getattr(options, option) is not None
             for arg in (f"--{option}", str(getattr(options, option)))]  # fmt: skip
    taxonomy = ["--taxonomy", str(options.taxonomy)] if options.taxonomy else []
    setup_django()
    # Two apps, two commands: taxonomy does not know areas, so the sequence lives here.
    return run_command("load_areas", display, areas) or run_command("load_taxonomy", display, taxonomy)


def run_manage(display: str, args: list[str]) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line([f"{PROG} {display}", *args])
    return 0


# --- commands without a database ----------------------------------------------------------


def run_analyze(display: str, args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} {display}",
        description='Redact and classify JSON Lines: each input line {"text", "id"?, "lang"?}. Needs no database.',
    )
    parser.add_argument("--input", help="JSON Lines file, or - for standard input (default)")
    parser.add_argument("--output", help="output file, or - for standard output (default)")
    parser.add_argument("--no-classify", action="store_true", help="redaction only")
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes for the batch (default: every available core; 1: this process only)")
    options = parser.parse_args(args)
    from ilmio.analyze import AnalyzeError, analyze_stream, default_workers

    if options.workers is not None and options.workers < 1:
        raise CliError("--workers must be 1 or more")
    workers = default_workers() if options.workers is None else options.workers

    try:
        source = sys.stdin if options.input in (None, "-") else open(options.input, encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        raise CliError(f"cannot read {options.input}: {error.strerror}") from error
    with source:
        try:
            lines = analyze_stream(source, classify=not options.no_classify, workers=workers)
        except AnalyzeError as error:
            raise CliError(str(error)) from error
    output = "".join(lines)
    if options.output in (None, "-"):
        sys.stdout.write(output)
    else:
        # Written only after every line succeeded: nothing half-written on error.
        Path(options.output).write_text(output, encoding="utf-8")
    return 0


def run_evaluate(display: str, args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"{PROG} {display}",
                                     description="Evaluate the redaction engine or the classifier on the shipped corpora.")  # fmt: skip
    parser.add_argument("target", choices=["redaction", "classifier"])
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="options of the evaluation")
    options = parser.parse_args(args)
    if options.target == "redaction":
        from ilmio.privacy.evaluation import main as evaluate_redaction

        return evaluate_redaction(options.rest)
    from ilmio.text.evaluation import main as evaluate_classifier

    return evaluate_classifier(options.rest)


# --- the command table --------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    name: str  # as typed: "serve", "export aggregates"
    summary: str  # one line for 'ilmio --help'
    run: Runner


COMMANDS: list[Entry] = [
    Entry("serve", "Run the web application (gunicorn); the database must be migrated.",
          management("serve", environment=serve_environment)),
    Entry("migrate", "Create or update the database schema and the cache table.", run_migrate),
    Entry("demo", "Build a demo database (reference data, demo users, synthetic reports) and serve it.",
          management("demo", environment=demo_environment, demo=True)),
    Entry("load-reference", "Load or reload geography, population and taxonomy (idempotent).", run_load_reference),
    Entry("analyze", "Redact and classify JSON Lines from a file or standard input (no database).", run_analyze),
    Entry("evaluate", "Evaluate the redaction engine or the classifier (no database).", run_evaluate),
    Entry("export aggregates", "Export suppressed report counts of complete periods (CSV or JSON).",
          management("export_aggregates")),
    Entry("export federation", "Write the county's published aggregates as a signed JSON-stat package.",
          management("export_federation")),
    Entry("check federation", "Verify a county's federation package (signature, checksums, suppression).",
          management("check_federation")),
    Entry("import federation", "National instance: keep a county's checked package as its next version (--register-key first).",
          management("import_federation")),
    Entry("import statistics", "Import national statistics in Sotkanet's format (the shipped sample by default).",
          management("import_statistics")),
    Entry("import reports", "Import historical reports from a Webropol/Forms export or a sheet (CSV or XLSX).",
          management("import_reports")),
    Entry("import register", "Aggregate a monitoring-register extract (CSV or Parquet) into indicators.",
          management("import_register")),
    Entry("generate register-extract", "Write a synthetic register extract (demo mode only).",
          management("generate_register_extract", demo=True)),
    Entry("retrain", "Retrain the phenomenon model from coordinators' confirmed classifications.",
          management("retrain")),
    Entry("recount", "Rebuild the monthly report counts and the suppressed aggregates (after bulk imports).",
          management("recount")),
    Entry("backup", "Write the database (native dump, or --portable) and uploaded files into one archive.",
          management("backup")),
    Entry("restore", "Restore an archive made by 'ilmio backup' into an empty, migrated database.",
          management("restore")),
    Entry("send-follow-ups", "Ask reporters whether things changed after an action (run daily).",
          management("send_follow_ups")),
    Entry("send-action-reminders", "Remind managers of overdue and due-soon actions by e-mail (run daily).",
          management("send_action_reminders")),
    Entry("apply-retention", "Delete what the retention rules say is due: feedback contacts, old audit events, "
          "log-in records, expired sessions ([--dry-run]; run daily).", management("apply_retention")),
    Entry("gdpr", "Export or erase one person's data (export|erase --user U | --email E --county C [--dry-run]).",
          management("gdpr")),
    Entry("send-newsletters", "Send the monthly newsletter to subscribing staff ([--month YYYY-MM]; run monthly).",
          management("send_newsletters")),
    Entry("token", "Create an API token for a user (the key is printed once).", management("create_token")),
    Entry("manage", "Run any Django management command (e.g. createsuperuser, db_worker).", run_manage),
]  # fmt: skip
BY_NAME = {entry.name: entry for entry in COMMANDS}
GROUPS = {entry.name.split()[0] for entry in COMMANDS if " " in entry.name}
USAGE = f"usage: {PROG} [-h] COMMAND [OPTIONS]"


def format_help() -> str:
    width = max(len(entry.name) for entry in COMMANDS) + 2
    lines = [USAGE, "", DESCRIPTION, "", "commands:"]
    lines += [f"  {entry.name:<{width}}{entry.summary}" for entry in COMMANDS]
    lines += ["", f"Every command has --help: {PROG} COMMAND --help"]
    return "\n".join(lines) + "\n"


def usage_error(message: str) -> SystemExit:
    print(f"{USAGE}\n{PROG}: error: {message}", file=sys.stderr)
    return SystemExit(2)


def resolve(argv: list[str]) -> tuple[Entry, list[str]]:
    """The command named at the start of ``argv`` and the arguments after its name."""
    if not argv:
        raise usage_error("the following arguments are required: COMMAND")
    first = argv[0]
    if first in ("-h", "--help"):
        sys.stdout.write(format_help())
        raise SystemExit(0)
    if first in BY_NAME:
        return BY_NAME[first], argv[1:]
    choices = ", ".join(entry.name for entry in COMMANDS)
    if first in GROUPS:
        subs = {entry.name.split()[1]: entry for entry in COMMANDS if entry.name.split()[0] == first}
        second = argv[1] if len(argv) > 1 else None
        if second in subs:
            return subs[second], argv[2:]
        if second in ("-h", "--help"):
            lines = [f"usage: {PROG} {first} {{{','.join(subs)}}} [OPTIONS]", ""]
            lines += [f"  {PROG} {entry.name:<28}{entry.summary}" for entry in subs.values()]
            sys.stdout.write("\n".join(lines) + "\n")
            raise SystemExit(0)
        what = f"invalid choice: {second!r}" if second else "a second word is required"
        raise usage_error(f"argument COMMAND: {first}: {what} (choose from {', '.join(subs)})")
    raise usage_error(f"argument COMMAND: invalid choice: {first!r} (choose from {choices})")


def main(argv: Sequence[str] | None = None) -> int:
    entry, args = resolve(list(sys.argv[1:] if argv is None else argv))
    try:
        return entry.run(entry.name, args)
    except CliError as error:
        print(f"{PROG} {entry.name}: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
