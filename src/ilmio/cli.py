"""The ``ilmio`` command: the jobs a person runs, each with ``--help``.

Commands that need the database set Django up lazily, so ``ilmio analyze`` and the
evaluations start without touching a database.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path


class CommandError(Exception):
    """A clear, user-facing failure: printed without a traceback, exit code 1 or 2."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


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
    if local:
        prepare_local_environment()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilmio.settings")
    import django

    django.setup()


def migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("createcachetable", verbosity=verbosity)


# --- commands -----------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    if args.host in {"127.0.0.1", "localhost", "::1"}:
        # Plain HTTP on loopback only; anything else expects TLS in front.
        os.environ.setdefault("ILMIO_INSECURE_HTTP", "1")
    setup_django()
    migrate()
    return serve(args.host, args.port, args.workers)


def serve(host: str, port: int, workers: int) -> int:
    try:
        from gunicorn.app.wsgiapp import WSGIApplication

        from ilmio.core.access_log import ACCESS_LOG_FORMAT
    except ImportError:
        from django.core.management import call_command

        call_command("runserver", f"{host}:{port}", use_reloader=False)
        return 0
    sys.argv = ["gunicorn", "ilmio.wsgi:application", "--bind", f"{host}:{port}",
                "--workers", str(workers), "--access-logfile", "-",
                "--logger-class", "ilmio.core.access_log.AccessLogger",
                "--access-logformat", ACCESS_LOG_FORMAT]  # fmt: skip
    print(f"Ilmiö is running at http://{host}:{port}/  (Ctrl+C stops it)", flush=True)
    WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    os.environ.setdefault("ILMIO_INSECURE_HTTP", "1")
    # The demo sends its e-mails to files in the data directory and runs tasks at once.
    os.environ.setdefault("ILMIO_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    os.environ.setdefault("ILMIO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    setup_django()
    from ilmio.demo import build_demo

    migrate()
    summary = build_demo(reports=args.reports, seed=args.seed, reset=args.reset)
    print(summary.format(), flush=True)
    if args.no_serve:
        return 0
    return serve(args.host, args.port, args.workers)


def cmd_load_reference(args: argparse.Namespace) -> int:
    setup_django()
    from ilmio.areas import loading
    from ilmio.taxonomy.loading import TAXONOMY_JSON, load_taxonomy

    migrate()
    try:
        results = [
            ("municipalities", loading.load_municipalities(args.municipalities or loading.MUNICIPALITIES_CSV, year=args.year)),
            ("population", loading.load_population(args.population or loading.POPULATION_CSV)),
            ("taxonomy", load_taxonomy(args.taxonomy or TAXONOMY_JSON)),
        ]
    except loading.ReferenceDataError as error:
        raise CommandError(str(error)) from error
    for name, result in results:
        print(f"{name}: {result.summary()}")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from ilmio.analyze import AnalyzeError, analyze_stream

    try:
        source = sys.stdin if args.input in (None, "-") else open(args.input, encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        raise CommandError(f"cannot read {args.input}: {error.strerror}") from error
    with source:
        try:
            lines = analyze_stream(source, classify=not args.no_classify)
        except AnalyzeError as error:
            raise CommandError(str(error)) from error
    output = "".join(lines)
    if args.output in (None, "-"):
        sys.stdout.write(output)
    else:
        # Written only after every line succeeded: nothing half-written on error.
        Path(args.output).write_text(output, encoding="utf-8")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.target == "redaction":
        from ilmio.privacy.evaluation import main as evaluate_redaction

        return evaluate_redaction(args.rest)
    from ilmio.text.evaluation import main as evaluate_classifier

    return evaluate_classifier(args.rest)


def cmd_export(args: argparse.Namespace) -> int:
    setup_django()
    from ilmio.core.tables import to_csv, to_json
    from ilmio.indicators.disclosure import AGGREGATE_COLUMNS, published

    migrate()
    rows = list(published(args.period).rows(args.level))
    text = to_csv(rows, AGGREGATE_COLUMNS) if args.format == "csv" else to_json(rows, AGGREGATE_COLUMNS)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def cmd_recount(args: argparse.Namespace) -> int:
    setup_django()
    from ilmio.indicators.aggregates import warm_aggregates
    from ilmio.indicators.counts import rebuild_report_counts

    migrate()
    started = time.perf_counter()
    rows = rebuild_report_counts()
    counted = time.perf_counter()
    tables = warm_aggregates()
    print(f"Recounted reports: {rows} count rows in {counted - started:.1f} s; "
          f"{tables} suppressed period tables ready in {time.perf_counter() - counted:.1f} s.")
    return 0


def cmd_retrain(args: argparse.Namespace) -> int:
    setup_django()
    from ilmio.analysis.retraining import retrain_from_decisions

    migrate()
    result = retrain_from_decisions(activate=args.activate)
    if result.examples == 0:
        raise CommandError("no confirmed classifications yet: coordinators confirm them in triage")
    print(result.format())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    setup_django()
    from ilmio.indicators import statistics

    migrate()
    try:
        if args.what == "statistics":
            if args.fetch:
                result = statistics.fetch_sotkanet(args.fetch, args.years or [2022, 2023], base_url=args.base_url)
            elif args.csv:
                result = statistics.import_sotkanet_csv(args.csv, args.regions or statistics.SAMPLE_DIR / "regions.json")
            else:
                directory = args.dir or statistics.SAMPLE_DIR
                result = statistics.import_sotkanet_dir(directory, sample=args.sample or directory == statistics.SAMPLE_DIR)
        else:
            from ilmio.stats.register import aggregate_extract

            if not args.path.is_file():
                raise CommandError(f"{args.path}: file not found")
            if args.path.suffix.lower() not in {".csv", ".parquet"}:
                raise CommandError(f"{args.path}: a register extract is a .csv or .parquet file")

            def progress(phase: str, fraction: float) -> None:
                print(f"\r{phase:<12} {fraction:6.1%}", end="", file=sys.stderr, flush=True)

            from django.conf import settings

            values = aggregate_extract(args.path, statistics.area_rows(), threshold=settings.SUPPRESSION_THRESHOLD,
                                       progress=progress)  # fmt: skip
            print(file=sys.stderr)
            result = statistics.import_register_values(values, sample=not args.real)
    except statistics.StatisticsError as error:
        raise CommandError(str(error)) from error
    except OSError as error:
        raise CommandError(f"cannot fetch: {error}") from error
    print(result.summary())
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    setup_django()
    from ilmio.areas.loading import latest_population
    from ilmio.areas.models import Municipality
    from ilmio.stats.register import generate_extract

    migrate()
    population = latest_population()
    municipalities = [(code, county, population.get(code, 1000))
                      for code, county in Municipality.objects.filter(active=True).values_list("code", "county__code")]  # fmt: skip
    if not municipalities:
        raise CommandError("no municipalities loaded: run 'ilmio load-reference' first")
    if args.rows < 1:
        raise CommandError("--rows must be positive")
    path = generate_extract(args.path, args.rows, municipalities=municipalities, seed=args.seed,
                            format="csv" if args.path.suffix.lower() == ".csv" else "parquet")  # fmt: skip
    print(f"wrote {args.rows} synthetic rows to {path}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    setup_django()
    from ilmio.core.backup import BackupError, create_backup, restore_backup

    migrate()
    try:
        if args.command == "backup":
            manifest = create_backup(args.path)
            print(f"backup written to {args.path}: {sum(manifest.get('counts', {}).values())} rows")
        else:
            manifest = restore_backup(args.path)
            print(f"restored {sum(manifest.get('counts', {}).values())} rows from {args.path}")
    except BackupError as error:
        raise CommandError(str(error)) from error
    return 0


def cmd_follow_ups(args: argparse.Namespace) -> int:
    setup_django()
    from ilmio.knowledge.services import send_due_follow_ups

    migrate()
    print(f"follow-up questions sent: {send_due_follow_ups()}")
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    setup_django()
    from ilmio.accounts.models import User
    from ilmio.accounts.services import create_api_token

    user = User.objects.filter(username=args.user).first()
    if user is None:
        raise CommandError(f"no user named {args.user!r}")
    _token, key = create_api_token(user, args.name)
    print(key)
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ilmio manage", *args.rest])
    return 0


# --- parser ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ilmio",
        description="Ilmiö – knowledge production for structural social work.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    def server_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        sub.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        sub.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")

    serve_parser = add("serve", cmd_serve, "Run the web application.")
    server_options(serve_parser)

    demo = add("demo", cmd_demo, "Create the embedded database with reference data, demo users and "
               "a synthetic history of social reports, then serve the app.")  # fmt: skip
    demo.add_argument("--reports", type=int, default=2400, help="number of demo reports (default 2400)")
    demo.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    demo.add_argument("--reset", action="store_true", help="delete earlier demo reports first")
    demo.add_argument("--no-serve", action="store_true", help="build the demo data and exit")
    server_options(demo)

    reference = add("load-reference", cmd_load_reference,
                    "Load or reload geography, population and taxonomy (idempotent).")  # fmt: skip
    reference.add_argument("--municipalities", type=Path, help="municipality classification CSV")
    reference.add_argument("--year", type=int, help="classification year (default: from the file name)")
    reference.add_argument("--population", type=Path, help="population CSV")
    reference.add_argument("--taxonomy", type=Path, help="taxonomy JSON")

    analyze = add("analyze", cmd_analyze,
                  "Redact and classify JSON Lines: each input line {\"text\", \"id\"?, \"lang\"?}.")  # fmt: skip
    analyze.add_argument("--input", help="JSON Lines file, or - for standard input (default)")
    analyze.add_argument("--output", help="output file, or - for standard output (default)")
    analyze.add_argument("--no-classify", action="store_true", help="redaction only")

    evaluate = add("evaluate", cmd_evaluate, "Evaluate the redaction engine or the classifier.")
    evaluate.add_argument("target", choices=["redaction", "classifier"])
    evaluate.add_argument("rest", nargs=argparse.REMAINDER, help="options of the evaluation")

    export = add("export", cmd_export, "Export suppressed aggregates (counts under the threshold are empty).")
    export_what = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    aggregates = export_what.add_parser(
        "aggregates", help="report counts: area_code, phenomenon, period, count (phenomenon ALL = total)",
        description="Report counts by primary phenomenon, area and period, suppressed.",
    )
    aggregates.add_argument("--level", required=True, choices=["country", "cooperation_area", "county", "municipality"])
    aggregates.add_argument("--period", default="month", choices=["month", "quarter", "year"])
    aggregates.add_argument("--format", default="csv", choices=["csv", "json"])
    aggregates.add_argument("--output", help="file, or - for standard output (default)")

    retrain = add("retrain", cmd_retrain, "Retrain the phenomenon model from coordinators' confirmed "
                  "classifications and report accuracy before and after.")  # fmt: skip
    retrain.add_argument("--activate", action="store_true", help="use the new model from now on")

    importer = add("import", cmd_import, "Import national statistics (Sotkanet format) or a register extract.")
    import_what = importer.add_subparsers(dest="what", metavar="WHAT", required=True)
    stats = import_what.add_parser("statistics", help="Sotkanet REST format: recorded files, CSV, or fetched",
                                   description="Import statistics in Sotkanet's REST format. Without options: the shipped sample.")
    stats.add_argument("--dir", type=Path, help="folder with regions.json, indicators.json and data.json")
    stats.add_argument("--csv", type=Path, help="CSV with indicator, region, year, gender, value, absValue")
    stats.add_argument("--regions", type=Path, default=None, help="regions.json for --csv")
    stats.add_argument("--fetch", type=int, nargs="+", metavar="ID", help="fetch these indicator ids (needs a network)")
    stats.add_argument("--years", type=int, nargs="+", help="years to fetch (default 2022 2023)")
    stats.add_argument("--base-url", default="https://sotkanet.fi/rest/1.1", help=argparse.SUPPRESS)
    stats.add_argument("--sample", action="store_true", help="mark the imported values as sample data")
    register = import_what.add_parser("register", help="a monitoring-register extract (CSV or Parquet)",
                                      description="Aggregate a register extract with DuckDB into suppressed indicators.")
    register.add_argument("path", type=Path)
    register.add_argument("--real", action="store_true", help="the extract is real data, not a synthetic sample")

    generate = add("generate", cmd_generate, "Generate a synthetic register extract of any size.")
    generate_what = generate.add_subparsers(dest="what", metavar="WHAT", required=True)
    extract = generate_what.add_parser("register-extract", help="synthetic extract (.parquet or .csv)",
                                       description="Write a realistic synthetic register extract.")
    extract.add_argument("path", type=Path)
    extract.add_argument("--rows", type=int, default=100_000)
    extract.add_argument("--seed", type=int, default=0)

    add("recount", cmd_recount, "Recount the monthly report counts from all reports and prepare the "
        "suppressed aggregates (after importing reports in bulk, e.g. with COPY).")  # fmt: skip

    backup = add("backup", cmd_backup, "Write the database and uploaded files into one archive (.tar.gz).")
    backup.add_argument("path", type=Path)
    restore = add("restore", cmd_backup, "Restore an archive made by 'ilmio backup' into an empty database.")
    restore.add_argument("path", type=Path)

    add("send-follow-ups", cmd_follow_ups, "Ask reporters, four weeks after an action was done, whether "
        "things changed (run daily, e.g. from cron).")  # fmt: skip

    token = add("token", cmd_token, "Create an API token for a user (printed once).")
    token.add_argument("--user", required=True, help="username")
    token.add_argument("--name", default="api", help="a name for the token")

    manage = add("manage", cmd_manage, "Run a Django management command (e.g. migrate, createsuperuser).")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except CommandError as error:
        print(f"ilmio {args.command}: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
