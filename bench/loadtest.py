"""Load test: the app under gunicorn on PostgreSQL, with wrk against four kinds of page.

    .venv/bin/python bench/loadtest.py [--duration 60] [--connections 50] [--therapists 100000]
                                       [--database-url postgres://postgres@127.0.0.1:5432/mm_load]

Steps, each bounded in time:
  1. create the database if it is missing, migrate, top the seeded directory up to
     --therapists and create --clients clients with realistic answers
     (manage.py prepare_loadtest), which lists the paths to request;
  2. collectstatic, then gunicorn on a free port of 127.0.0.1 with DEBUG off;
  3. wrk once per page kind (home, a questionnaire step, a results page, a public
     profile) for --duration / 4 seconds each at --connections connections, a Lua
     script picking a random path of that kind per request and counting responses
     by status class.
It prints one row per page kind, writes bench/results/loadtest.json and exits 1 if
any response was not 2xx/3xx or any socket error happened. gunicorn is always
stopped at the end. All traffic goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import dj_database_url
import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mm_load"
PAGES = ("home", "step", "results", "profile")
HOST = "127.0.0.1"
RESULT_MARK = "LOADTEST-RESULT "

# Ceilings in seconds, so that nothing can hang for ever.
MIGRATE_TIMEOUT = 600
PREPARE_TIMEOUT = 3600  # generous: seeding goes by COPY, 2,000 therapists in under a second
COLLECTSTATIC_TIMEOUT = 300
STARTUP_TIMEOUT = 60
SHUTDOWN_TIMEOUT = 20
SETTLE_TIMEOUT = 30

# One wrk script per page kind. Each wrk thread has its own Lua state: `setup` runs in
# the main state and keeps every thread, so `done` can add up the threads' counters.
LUA_TEMPLATE = """
local paths = {paths}
local threads = {{}}

function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  ok, redirects, client_errors, server_errors, other = 0, 0, 0, 0, 0
  math.randomseed(os.time() + thread_number * 7919)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1
  elseif status >= 300 and status < 400 then redirects = redirects + 1
  elseif status >= 400 and status < 500 then client_errors = client_errors + 1
  elseif status >= 500 and status < 600 then server_errors = server_errors + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local totals = {{ok = 0, redirects = 0, client_errors = 0, server_errors = 0, other = 0}}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  local e = summary.errors
  io.write(string.format(
    '{mark}{{"requests": %.0f, "duration_us": %.0f, "ok": %.0f, "redirects": %.0f, ' ..
    '"client_errors": %.0f, "server_errors": %.0f, "other_statuses": %.0f, ' ..
    '"connect_errors": %.0f, "read_errors": %.0f, "write_errors": %.0f, "timeouts": %.0f, ' ..
    '"p50_us": %.0f, "p90_us": %.0f, "p99_us": %.0f, "max_us": %.0f, "mean_us": %.1f}}\\n',
    summary.requests, summary.duration, totals.ok, totals.redirects,
    totals.client_errors, totals.server_errors, totals.other,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
"""


def lua_script(paths: list[str]) -> str:
    # Paths are plain ASCII (a token is URL-safe base64), so JSON strings are valid Lua strings.
    lua_table = "{" + ", ".join(json.dumps(path) for path in paths) + "}"
    return LUA_TEMPLATE.format(paths=lua_table, mark=RESULT_MARK)


def parse_args() -> argparse.Namespace:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=60, help="total seconds of load, split over the page kinds")
    parser.add_argument(
        "--pages", default=",".join(PAGES), help=f"the page kinds to load, comma-separated (default {','.join(PAGES)})"
    )
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--therapists", type=int, default=100_000, help="seeded directory size to top up to")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL), help="PostgreSQL only"
    )
    parser.add_argument("--workers", type=int, default=2 * cores + 1, help="gunicorn workers (default 2 × cores + 1)")
    # gthread keeps connections alive: on 2 cores it served the light pages about 1.5 to 2 times
    # faster than sync workers, and the results page (CPU-bound) as fast.
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="gthread")
    parser.add_argument("--threads", type=int, default=2, help="threads per gthread worker")
    parser.add_argument("--wrk-threads", type=int, default=min(2, cores))
    parser.add_argument("--timeout", type=int, default=10, help="seconds before wrk counts a request as timed out")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "loadtest.json"))
    args = parser.parse_args()
    args.pages = tuple(page.strip() for page in args.pages.split(",") if page.strip())
    unknown = [page for page in args.pages if page not in PAGES]
    if unknown or not args.pages:
        parser.error(f"--pages takes some of {', '.join(PAGES)}; not {', '.join(unknown) or 'none'}.")
    if args.duration < len(args.pages):
        parser.error(f"--duration must be at least {len(args.pages)} seconds (one per page kind).")
    if args.connections < 1 or args.therapists < 1 or args.clients < 1:
        parser.error("--connections, --therapists and --clients must each be at least 1.")
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("--database-url (or DATABASE_URL) must point at PostgreSQL.")
    return args


def ensure_database(url: str) -> None:
    """Create the load test's database when it does not exist yet."""
    config = dj_database_url.parse(url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        connect_timeout=10,
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
            if cursor.fetchone() is None:
                print(f"Creating database {config['NAME']} ...")
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
    finally:
        connection.close()


def manage(*arguments: str, env: dict[str, str], timeout: int) -> None:
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True, timeout=timeout)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def start_gunicorn(args: argparse.Namespace, port: int, env: dict[str, str], log: Any) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "matchmaker.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        args.worker_class,
        "--log-level",
        "warning",
        "--graceful-timeout",
        "5",
    ]
    if args.worker_class == "gthread":
        command += ["--threads", str(args.threads)]
    # A session of its own, so the whole server can be stopped by its process group id.
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wait_until_up(server: subprocess.Popen[bytes], base_url: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {server.returncode} before answering.")
        try:
            with urllib.request.urlopen(base_url + "/", timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer within {STARTUP_TIMEOUT} s.")


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    server.terminate()  # gunicorn stops its workers gracefully on SIGTERM
    try:
        server.wait(timeout=SHUTDOWN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=SHUTDOWN_TIMEOUT)


def warm_up(base_url: str, paths: dict[str, list[str]], pages: tuple[str, ...]) -> None:
    """A few requests of every kind first, so that no run pays for the workers' first templates and connections."""
    for _ in range(5):
        for page in pages:
            try:
                with urllib.request.urlopen(base_url + paths[page][0], timeout=30) as answer:
                    answer.read()
            except urllib.error.HTTPError:
                pass  # the measured run reports it


def settle(base_url: str, backlog_seconds: float) -> None:
    """Let the previous run's unanswered requests drain, so that they do not slow the next run.

    wrk stops with up to --connections requests still queued in gunicorn; each of them
    is served within about the slowest latency that run saw, so wait that long, then
    until the home page answers quickly again.
    """
    time.sleep(min(backlog_seconds, SETTLE_TIMEOUT))
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while time.monotonic() < deadline:
        started = time.monotonic()
        with urllib.request.urlopen(base_url + "/", timeout=SETTLE_TIMEOUT) as answer:
            answer.read()
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.5)


def run_wrk(args: argparse.Namespace, base_url: str, script: Path, seconds: int) -> dict[str, Any]:
    command = [
        "wrk",
        "--threads",
        str(min(args.wrk_threads, args.connections)),
        "--connections",
        str(args.connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        f"{args.timeout}s",
        "--script",
        str(script),
        base_url + "/",
    ]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=seconds + args.timeout + 60, check=False)
    for line in finished.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            return json.loads(line.removeprefix(RESULT_MARK))
    raise RuntimeError(f"wrk gave no result (exit {finished.returncode}):\n{finished.stdout}\n{finished.stderr}")


def summarise(raw: dict[str, Any]) -> dict[str, Any]:
    seconds = raw["duration_us"] / 1_000_000
    return {
        "requests": raw["requests"],
        "requests_per_second": raw["requests"] / seconds if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "not_2xx_3xx": raw["client_errors"] + raw["server_errors"] + raw["other_statuses"],
        "status_5xx": raw["server_errors"],
        "redirects": raw["redirects"],
        "socket_errors": raw["connect_errors"] + raw["read_errors"] + raw["write_errors"] + raw["timeouts"],
        "wrk": raw,
    }


def print_table(pages: dict[str, dict[str, Any]]) -> None:
    header = f"{'page':<9}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'not 2xx/3xx':>13}{'5xx':>6}"
    print("\n" + header + f"{'socket errors':>15}")
    for page, row in pages.items():
        print(
            f"{page:<9}{row['requests']:>10,}{row['requests_per_second']:>9.1f}{row['p50_ms']:>9.1f}"
            f"{row['p99_ms']:>9.1f}{row['not_2xx_3xx']:>13}{row['status_5xx']:>6}{row['socket_errors']:>15}"
        )


def raise_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # so that the finally blocks stop gunicorn


def main() -> int:
    args = parse_args()
    signal.signal(signal.SIGTERM, raise_on_sigterm)
    if shutil.which("wrk") is None:
        print("wrk is not installed (Debian package `wrk`).", file=sys.stderr)
        return 2
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_CONN_MAX_AGE": "60",
        # DEBUG off needs a cache every worker shares (the rate limits count in it): the local Redis by default.
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
    }
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    server_log_path = output.with_name("loadtest-gunicorn.log")
    seconds = args.duration // len(args.pages)

    # The paths file holds (synthetic) clients' private links: it lives and dies in a temporary directory.
    with tempfile.TemporaryDirectory(prefix="loadtest-") as scratch:
        work = Path(scratch)
        ensure_database(args.database_url)
        manage("migrate", "--no-input", "--verbosity", "0", env=env, timeout=MIGRATE_TIMEOUT)
        paths_file = work / "paths.json"
        manage(
            "prepare_loadtest",
            f"--therapists={args.therapists}",
            f"--clients={args.clients}",
            f"--output={paths_file}",
            env=env,
            timeout=PREPARE_TIMEOUT,
        )
        paths: dict[str, list[str]] = json.loads(paths_file.read_text())
        manage("collectstatic", "--no-input", "--verbosity", "0", env=env, timeout=COLLECTSTATIC_TIMEOUT)

        port = free_port()
        base_url = f"http://{HOST}:{port}"
        pages: dict[str, dict[str, Any]] = {}
        with server_log_path.open("wb") as server_log:
            server = start_gunicorn(args, port, env, server_log)
            try:
                wait_until_up(server, base_url)
                warm_up(base_url, paths, args.pages)
                backlog_seconds = 0.0
                for page in args.pages:
                    settle(base_url, backlog_seconds)
                    script = work / f"{page}.lua"
                    script.write_text(lua_script(paths[page]))
                    print(f"wrk: {page} pages, {seconds} s at {args.connections} connections ...", flush=True)
                    pages[page] = summarise(run_wrk(args, base_url, script, seconds))
                    backlog_seconds = pages[page]["max_ms"] / 1000
            finally:
                stop(server)

    print_table(pages)
    failed = any(row["not_2xx_3xx"] or row["socket_errors"] or not row["requests"] for row in pages.values())
    report = {
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "therapists": args.therapists,
        "clients": args.clients,
        "connections": args.connections,
        "seconds_per_page": seconds,
        "gunicorn": {"workers": args.workers, "worker_class": args.worker_class, "threads": args.threads},
        "wrk_threads": min(args.wrk_threads, args.connections),
        "cache": "redis",
        "passed": not failed,
        "pages": pages,
    }
    output.write_text(json.dumps(report, indent=2))
    print(f"\nWrote {output}; gunicorn's log is {server_log_path}.")
    if failed:
        print(f"FAILED: some responses were not 2xx/3xx, or sockets failed. See {server_log_path}.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
