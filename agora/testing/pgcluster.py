"""Run a command against a throwaway PostgreSQL cluster started from the system's binaries.

    python -m agora.testing.pgcluster -- pytest ...

The cluster lives in a temporary folder, listens on a free loopback port, runs without
fsync (it is thrown away), and is stopped and deleted afterwards. PostgreSQL refuses to
run as root, so as root the server runs as the ``postgres`` system user. Where no
PostgreSQL binaries exist the command is skipped with a message, unless
``AGORA_REQUIRE_POSTGRES=1`` (CI) makes that an error.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def find_bin_dir() -> Path | None:
    initdb = shutil.which("initdb")
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    if candidates:
        return Path(candidates[-1])
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        print("usage: python -m agora.testing.pgcluster -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    required = os.environ.get("AGORA_REQUIRE_POSTGRES") == "1"
    bin_dir = find_bin_dir()
    if bin_dir is None or (os.geteuid() == 0 and not _has_postgres_user()):
        message = "PostgreSQL binaries (initdb, pg_ctl) not found"
        if required:
            print(f"error: {message}, and AGORA_REQUIRE_POSTGRES=1.", file=sys.stderr)
            return 1
        print(f"SKIPPED the PostgreSQL tier: {message}. Install postgresql to run it.")
        return 0

    root = Path(tempfile.mkdtemp(prefix="agora-pg-"))
    data, sockets, log = root / "data", root / "sock", root / "server.log"
    sockets.mkdir()
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (root, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
    port = free_port()
    pg_ctl = str(bin_dir / "pg_ctl")
    try:
        subprocess.run(
            _as_server_user(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "agora",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-h 127.0.0.1 -p {port} -k {sockets} -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=200"
        )
        subprocess.run(
            _as_server_user(
                [pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "start"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        env = dict(os.environ, AGORA_DATABASE_URL=f"postgres://agora@127.0.0.1:{port}/postgres")
        print(f"PostgreSQL tier: throwaway cluster on 127.0.0.1:{port}", flush=True)
        return subprocess.run(argv, env=env, check=False).returncode
    except subprocess.CalledProcessError as exc:
        print(f"error: could not start PostgreSQL ({exc}); log: {log}", file=sys.stderr)
        if log.exists():
            print(log.read_text(), file=sys.stderr)
        return 1
    finally:
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(root, ignore_errors=True)


def _has_postgres_user() -> bool:
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
