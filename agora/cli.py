"""The ``agora`` command: ``agora serve`` runs the server; everything else is Django's."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from agora.core.env import env_bool, env_int, env_str

# How ``agora serve`` can run Django under granian (measured in docs/performance.md):
# wsgi: Django's WSGI handler; asgi: Django's ASGI handler for everything; dispatch:
# live-event paths to Django's ASGI handler, everything else to WSGI on a thread pool.
SERVING_MODES = {
    "wsgi": ("agora.wsgi:application", "wsgi"),
    "asgi": ("agora.asgi:django_asgi", "asgi"),
    "dispatch": ("agora.asgi:application", "asgi"),
}
DEFAULT_MODE = "dispatch"
DEFAULT_WORKERS = 2
DEFAULT_THREADS = 8


def run_granian(
    target: str, *, interface: str, host: str, port: int, workers: int, threads: int
) -> None:
    """Serve ``target`` with the settings ``agora serve`` uses (the benchmark reuses it)."""
    from granian import Granian
    from granian.constants import Interfaces

    wsgi = interface == "wsgi"
    # In WSGI mode granian runs requests on its own thread pool; in ASGI mode the app
    # brings its own (the dispatcher's a2wsgi pool, or Django's sync_to_async threads).
    os.environ.setdefault("AGORA_THREADS", str(threads))
    Granian(
        target,
        address=host,
        port=port,
        interface=Interfaces.WSGI if wsgi else Interfaces.ASGI,
        workers=workers,
        blocking_threads=threads if wsgi else 1,
        # Requests beyond the thread pool wait in the socket backlog instead of piling up
        # as Python threads contending for the GIL and the database.
        backpressure=threads if wsgi else None,
        # Ctrl+C reaches every process of the group; a worker that does not finish its
        # requests in time is killed, so the server always stops.
        workers_kill_timeout=3,
        # granian's own start-up advice (thread counts) is noise for people running Agora.
        log_level="error",  # type: ignore[arg-type]
    ).serve()


def serve(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="agora serve", description="Serve Agora over HTTP.")
    parser.add_argument("--host", default=env_str("AGORA_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=env_int("AGORA_PORT", 8000, minimum=1))
    parser.add_argument(
        "--threads",
        type=int,
        default=env_int("AGORA_THREADS", DEFAULT_THREADS, minimum=1),
        help=f"request threads per process (default {DEFAULT_THREADS}, or AGORA_THREADS)",
    )
    parser.add_argument(
        "--interface",
        choices=sorted(SERVING_MODES),
        default=env_str("AGORA_INTERFACE", DEFAULT_MODE),
        help=f"how Django is served (default {DEFAULT_MODE}, or AGORA_INTERFACE)",
    )
    parser.add_argument(
        "--no-worker",
        action="store_true",
        default=not env_bool("AGORA_RUN_WORKER", True),
        help="do not run a background worker beside the server (run `agora worker` elsewhere)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=env_int("AGORA_WORKERS", DEFAULT_WORKERS, minimum=1),
        help=f"server processes (default {DEFAULT_WORKERS}, or AGORA_WORKERS)",
    )
    options = parser.parse_args(args)
    if not 0 < options.port < 65536:
        parser.error("--port must be between 1 and 65535")
    if options.interface not in SERVING_MODES:
        parser.error(f"--interface must be one of {', '.join(sorted(SERVING_MODES))}")
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

    shown_host = "127.0.0.1" if options.host in ("0.0.0.0", "::") else options.host  # noqa: S104
    print(f"Agora is running at http://{shown_host}:{options.port}/  (data in {settings.DATA_DIR})")
    print("Press Ctrl+C to stop.", flush=True)
    target, interface = SERVING_MODES[options.interface]
    # The embedded shape needs no second command: a background worker runs beside the
    # server, in its own process, and stops with it.
    worker = None
    if not options.no_worker:
        worker = subprocess.Popen([sys.executable, "-m", "agora.cli", "worker"])
    try:
        run_granian(
            target,
            interface=interface,
            host=options.host,
            port=options.port,
            workers=options.workers,
            threads=options.threads,
        )
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
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
