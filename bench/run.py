"""``make bench``: seed a dataset if absent, serve it as ``agora serve`` does, load it with
wrk, and report each endpoint against Django's and raw ASGI's "hello world" ceilings.

    python -m bench.run [--posts 100000] [--modes wsgi,dispatch,asgi] [--update-docs]

Results go to bench/results/<time>-<dataset>.json and .md; --update-docs also rewrites the
results table in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.report import check_targets, markdown_table, update_docs

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "wrk" / "rotate.lua"
PORT = 8765
MODES = ("wsgi", "dispatch", "asgi")
# What ``agora seed`` writes; bump it when that changes, so that datasets seeded by an
# older version are seeded again (2: questions, answers and the reputation ledger).
SEED_FORMAT = 2


@dataclass(frozen=True)
class Dataset:
    users: int
    spaces: int
    posts: int
    comments_per_post: int
    reactions: int
    seed: int

    @property
    def name(self) -> str:
        def short(n: int) -> str:
            return f"{n // 1_000_000}m" if n % 1_000_000 == 0 else f"{n // 1000}k"

        return (
            f"posts{short(self.posts)}-users{self.users}-spaces{self.spaces}-"
            f"c{self.comments_per_post}-r{short(self.reactions)}-seed{self.seed}"
        )

    @property
    def directory(self) -> Path:
        return ROOT / "bench" / "data" / self.name


def agora(data_dir: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, AGORA_DATA_DIR=str(data_dir))
    env.pop("AGORA_DATABASE_URL", None)
    return subprocess.run([str(BIN / "agora"), *args], env=env, check=True, **kwargs)


def ensure_dataset(dataset: Dataset) -> Path:
    """The seeded dataset's folder, seeding it first if it is not there yet (or was
    seeded by an older version of `agora seed`)."""
    folder = dataset.directory
    marker = folder / "seeded.json"
    if marker.exists() and json.loads(marker.read_text()).get("format") == SEED_FORMAT:
        print(f"Dataset {dataset.name}: present")
        # Catch up with migrations added since it was seeded, once, before copying.
        agora(folder, "migrate", "--no-input", "-v", "0")
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"Dataset {dataset.name}: seeding (this happens once)…", flush=True)
    started = time.monotonic()
    agora(folder, "migrate", "--no-input", "-v", "0")
    agora(
        folder,
        "seed",
        f"--users={dataset.users}",
        f"--spaces={dataset.spaces}",
        f"--posts={dataset.posts}",
        f"--comments-per-post={dataset.comments_per_post}",
        f"--reactions={dataset.reactions}",
        f"--seed={dataset.seed}",
    )
    # Leave one tidy file: the copies made for each run then need only the database.
    agora(
        folder,
        "shell",
        "-c",
        "from django.db import connection;"
        "connection.cursor().execute('PRAGMA wal_checkpoint(TRUNCATE)')",
    )
    seconds = round(time.monotonic() - started, 1)
    marker.write_text(json.dumps({"seconds": seconds, "format": SEED_FORMAT}))
    return folder


def working_copy(seeded: Path) -> Path:
    """A fresh copy for this run, so the writes the benchmark makes never accumulate."""
    copy = seeded.parent / f"{seeded.name}.run"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(seeded, copy, ignore=shutil.ignore_patterns("media", "static"))
    agora(copy, "migrate", "--no-input", "-v", "0")  # anything added since (cheap)
    return copy


def prepare(data_dir: Path) -> dict[str, Any]:
    out = data_dir / "bench"
    out.mkdir(exist_ok=True)
    env = dict(os.environ, AGORA_DATA_DIR=str(data_dir))
    env.pop("AGORA_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "bench.prepare", str(out)], env=env, cwd=ROOT, check=True)
    plan: dict[str, Any] = json.loads((out / "plan.json").read_text())
    return plan


class Server:
    """A server process started like ``agora serve`` and stopped with SIGTERM."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"The server stopped: {self.process.stderr.read()!r}")  # type: ignore[union-attr]
            try:
                subprocess.run(
                    ["curl", "-s", "-o", "/dev/null", f"http://127.0.0.1:{PORT}/"],
                    check=True,
                    timeout=2,
                )
                return
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
                time.sleep(0.3)
        raise SystemExit("The server did not start within a minute.")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def agora_server(data_dir: Path, mode: str) -> Server:
    env = dict(os.environ, AGORA_DATA_DIR=str(data_dir))
    env.pop("AGORA_DATABASE_URL", None)
    command = [str(BIN / "agora"), "serve", f"--port={PORT}", f"--interface={mode}"]
    return Server(command, env)


def granian_server(target: str, interface: str, data_dir: Path, settings: str) -> Server:
    """Serve ``target`` with exactly the granian settings ``agora serve`` uses."""
    env = dict(os.environ, AGORA_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE=settings)
    env.pop("AGORA_DATABASE_URL", None)
    code = (
        "from agora.cli import run_granian, DEFAULT_WORKERS, DEFAULT_THREADS;"
        f"run_granian({target!r}, interface={interface!r}, host='127.0.0.1', port={PORT},"
        " workers=DEFAULT_WORKERS, threads=DEFAULT_THREADS)"
    )
    return Server([sys.executable, "-c", code], env)


def wrk(
    requests_file: Path,
    plan: dict[str, Any],
    duration: int,
    connections: int,
    *,
    cookie: bool = True,
) -> dict[str, Any]:
    """One wrk run: ``connections`` connections for ``duration`` seconds after a warm-up."""
    env = dict(
        os.environ,
        BENCH_REQUESTS=str(requests_file),
        BENCH_COOKIE=plan["cookie"] if cookie else "",
        BENCH_CSRF=plan["csrf"],
    )
    threads = min(2, connections)
    url = f"http://127.0.0.1:{PORT}"
    warm = ["wrk", f"-t{threads}", f"-c{min(8, connections)}", "-d2s", "-s", str(LUA), url]
    subprocess.run(warm, env=env, check=True, capture_output=True)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"]
    out = subprocess.run(
        [*command, "-s", str(LUA), url], env=env, check=True, capture_output=True, text=True
    ).stdout
    line = next(row for row in out.splitlines() if row.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = raw["duration_us"] / 1e6
    return {
        "rps": round(raw["requests"] / seconds, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p90_ms": round(raw["p90_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "errors": raw["status_errors"] + raw["socket_errors"],
        "requests": raw["requests"],
    }


def measure(
    requests_file: Path, plan: dict[str, Any], args: argparse.Namespace, *, cookie: bool = True
) -> dict[str, Any]:
    """Throughput and tail latency under load, then the latency of one request at a time."""
    loaded = wrk(requests_file, plan, args.duration, args.connections, cookie=cookie)
    alone = wrk(requests_file, plan, max(3, args.duration // 2), 1, cookie=cookie)
    loaded["alone_p50_ms"] = alone["p50_ms"]
    loaded["alone_p99_ms"] = alone["p99_ms"]
    loaded["errors"] += alone["errors"]
    return loaded


def hello_file(data_dir: Path) -> Path:
    path = data_dir / "bench" / "hello.tsv"
    path.write_text("GET\t/\t\n")
    return path


def previous_results(dataset: Dataset) -> dict[str, Any] | None:
    """The latest result at the other size (100k ↔ 1M posts), to see whether cost grows."""
    other = 1_000_000 if dataset.posts < 1_000_000 else 100_000
    for path in sorted(RESULTS.glob("*.json"), reverse=True):
        data: dict[str, Any] = json.loads(path.read_text())
        if data["dataset"]["posts"] == other:
            return data
    return None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--spaces", type=int, default=50)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--comments-per-post", type=int, default=4)
    parser.add_argument("--reactions", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--endpoints", default="", help="comma-separated subset to measure")
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--update-docs", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `apt-get install wrk` (Debian's package).")
    modes = [m for m in args.modes.split(",") if m]
    unknown = set(modes) - set(MODES)
    if unknown:
        raise SystemExit(f"Unknown modes: {', '.join(sorted(unknown))}")

    dataset = Dataset(
        args.users, args.spaces, args.posts, args.comments_per_post, args.reactions, args.seed
    )
    data_dir = working_copy(ensure_dataset(dataset))
    plan = prepare(data_dir)
    wanted = [e for e in args.endpoints.split(",") if e] or list(plan["endpoints"])
    print(
        f"Signed in as @{plan['user']['handle']} ({plan['user']['spaces']} spaces); "
        f"{plan['posts']:,} posts; {args.connections} connections, {args.duration} s each"
    )

    results: dict[str, Any] = {
        "dataset": dataset.__dict__ | {"name": dataset.name},
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "connections": args.connections,
        "duration_s": args.duration,
        "modes": {},
    }
    hello = hello_file(data_dir)
    server = granian_server("bench.hello_asgi:app", "asgi", data_dir, "agora.settings")
    try:
        results["raw_asgi_hello"] = measure(hello, plan, args, cookie=False)
    finally:
        server.stop()
    print(f"raw ASGI hello: {results['raw_asgi_hello']['rps']:,} req/s")
    targets = {"wsgi": "wsgi_app", "dispatch": "dispatch_app", "asgi": "asgi_app"}
    for mode in modes:
        interface = "wsgi" if mode == "wsgi" else "asgi"
        server = granian_server(
            f"bench.hello_django:{targets[mode]}", interface, data_dir, "bench.hello_settings"
        )
        try:
            django_hello = measure(hello, plan, args)
            anonymous_hello = measure(hello, plan, args, cookie=False)
        finally:
            server.stop()
        print(
            f"[{mode}] Django hello: {django_hello['rps']:,} req/s signed in, "
            f"{anonymous_hello['rps']:,} anonymous",
            flush=True,
        )
        endpoints: dict[str, Any] = {}
        server = agora_server(data_dir, mode)
        try:
            for name in wanted:
                info = plan["endpoints"][name]
                measured = measure(Path(info["requests_file"]), plan, args)
                measured["queries"] = info["queries"]
                measured["of_django_hello"] = round(measured["rps"] / django_hello["rps"], 3)
                measured["of_raw_asgi"] = round(
                    measured["rps"] / results["raw_asgi_hello"]["rps"], 4
                )
                endpoints[name] = measured
                print(
                    f"[{mode}] {name}: {measured['rps']:,} req/s, p50 {measured['p50_ms']} ms, "
                    f"p99 {measured['p99_ms']} ms, {measured['errors']} errors",
                    flush=True,
                )
        finally:
            server.stop()
        results["modes"][mode] = {
            "django_hello": django_hello,
            "anonymous_hello": anonymous_hello,
            "endpoints": endpoints,
        }

    results["targets"] = check_targets(results, previous_results(dataset))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = RESULTS / f"{stamp}-{dataset.name}"
    base.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n")
    table = markdown_table(results)
    base.with_suffix(".md").write_text(table)
    print()
    print(table)
    if args.update_docs:
        size = "1m" if dataset.posts >= 1_000_000 else "100k"
        update_docs(ROOT / "docs" / "performance.md", table, size)
        print("docs/performance.md updated.")
    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
