"""The ``agora`` command: ``agora serve`` runs the server; everything else is Django's."""

from __future__ import annotations

import argparse
import os
import sys

from agora.core.env import env_int, env_str


def serve(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="agora serve", description="Serve Agora over HTTP.")
    parser.add_argument("--host", default=env_str("AGORA_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=env_int("AGORA_PORT", 8000, minimum=1))
    parser.add_argument(
        "--threads",
        type=int,
        default=env_int("AGORA_THREADS", 8, minimum=1),
        help="request threads per process (default 8, or AGORA_THREADS)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=env_int("AGORA_WORKERS", 2, minimum=1),
        help="server processes (default 2, or AGORA_WORKERS)",
    )
    options = parser.parse_args(args)
    if not 0 < options.port < 65536:
        parser.error("--port must be between 1 and 65535")
    if options.workers < 1 or options.threads < 1:
        parser.error("--workers and --threads must be at least 1")

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("The database is not up to date; run `agora migrate` first.", file=sys.stderr)
        return 2
    connection.close()

    from granian import Granian
    from granian.constants import Interfaces

    shown_host = "127.0.0.1" if options.host in ("0.0.0.0", "::") else options.host  # noqa: S104
    print(f"Agora is running at http://{shown_host}:{options.port}/  (data in {settings.DATA_DIR})")
    print("Press Ctrl+C to stop.", flush=True)
    Granian(
        "agora.wsgi:application",
        address=options.host,
        port=options.port,
        interface=Interfaces.WSGI,
        workers=options.workers,
        # Requests beyond the thread pool wait in the socket backlog instead of piling up
        # as Python threads contending for the GIL and the database.
        blocking_threads=options.threads,
        backpressure=options.threads,
        # Ctrl+C reaches every process of the group; a worker that does not finish its
        # requests in time is killed, so the server always stops.
        workers_kill_timeout=3,
        # granian's own start-up advice (thread counts) is noise for people running Agora.
        log_level="error",  # type: ignore[arg-type]
    ).serve()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "agora.settings")
    if len(argv) > 1 and argv[1] == "serve":
        return serve(argv[2:])
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
