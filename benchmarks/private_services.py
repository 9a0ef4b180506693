"""Private PostgreSQL, Redis and fake WeChat API for the production benchmarks, so that the
load and fault scripts may stop, kill and restart them freely without touching any shared
server of the machine.

``Stack`` puts them together: a temporary folder holds the PostgreSQL data directory (its
own port and unix socket folder), the media folder and the logs; the demo data (the four
loaders of ``bin/demo``) is loaded once and kept as a snapshot under
``benchmarks/results/cache/`` keyed by a fingerprint of the loaders, so later runs copy the
snapshot (and migrate the copy) instead of loading again; so are the collected static files.
``Stack.env`` is the environment of every Django process started against it
(production-like: DJANGO_DEBUG=false, Redis cache).
Everything started is stopped on exit, also on Ctrl-C (process groups, atexit).
"""

import atexit
import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
CACHE = RESULTS / "cache"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_USER = "postgres"
DATABASE = "jindu_bench"
LOADERS = ("load_demo", "load_school_demo", "load_booking_demo", "load_wechat_demo")
# The code whose changes make a kept snapshot of the demo data stale: the loaders (a copy
# is migrated when it starts, so new migrations need no new snapshot).
SHAPING = ("*/management/commands/load_*.py", "*/*demo*.py")
STATIC_SOURCES = ("*/static/**/*", "pyproject.toml")
PYTHON = str(ROOT / ".venv" / "bin" / "python")

_started: list[subprocess.Popen] = []


def _stop_all() -> None:
    for process in reversed(_started):
        stop_group(process)


atexit.register(_stop_all)


def spawn(command: list[str], *, log: Path | None = None, env=None, cpus=None, **kwargs):
    """``command`` in a process group of its own (so that stopping it stops its children),
    pinned to ``cpus`` when given, stopped at exit at the latest."""
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 (kept by the child)
    if cpus:
        command = ["taskset", "-c", cpus, *command]
    process = subprocess.Popen(
        command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True, **kwargs
    )
    _started.append(process)
    return process


def stop_group(process: subprocess.Popen, sig=signal.SIGTERM, timeout: float = 30) -> None:
    """Signal the process's group and wait for it; SIGKILL when it does not go."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def wait_until(check, timeout: float, what: str, every: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(every)
    raise RuntimeError(f"{what}: not ready after {timeout:.0f} s")


class PrivatePostgres:
    """A PostgreSQL cluster of our own in ``folder``, run as the postgres OS user."""

    def __init__(self, folder: Path, port: int):
        self.data = folder / "pgdata"
        self.sockets = folder / "pgsockets"
        self.log = folder / "postgres.log"
        self.port = port
        self.process: subprocess.Popen | None = None

    def url(self, database: str = DATABASE) -> str:
        return f"postgres://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def init(self) -> None:
        self._as_postgres(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(self.data),
                "-U",
                PG_USER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )

    def own(self) -> None:
        """Give the folders to the postgres OS user (a copied snapshot comes as root's)."""
        self.data.parent.chmod(0o755)
        self.sockets.mkdir(exist_ok=True)
        subprocess.run(
            ["chown", "-R", f"{PG_USER}:", str(self.data), str(self.sockets)],
            check=True,
        )
        self.data.chmod(0o700)

    def start(self) -> None:
        command = [
            "runuser",
            "-u",
            PG_USER,
            "--",
            str(PG_BIN / "postgres"),
            "-D",
            str(self.data),
            "-p",
            str(self.port),
            "-k",
            str(self.sockets),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "max_connections=200",
        ]
        self.process = spawn(command, log=self.log)
        wait_until(self.ready, 60, "private PostgreSQL")

    def ready(self) -> bool:
        probe = [str(PG_BIN / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)]
        return subprocess.run(probe, check=False).returncode == 0

    def stop(self) -> None:
        """A fast shutdown (SIGINT): open connections are cut, as in a restart."""
        if self.process:
            stop_group(self.process, signal.SIGINT, timeout=60)
            self.process = None

    def create_database(self, name: str = DATABASE) -> None:
        self.psql(f'CREATE DATABASE "{name}"')

    def psql(self, sql: str, database: str = "postgres") -> str:
        command = [
            str(PG_BIN / "psql"),
            "-X",
            "-q",
            "-t",
            "-A",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            PG_USER,
            "-d",
            database,
            "-c",
            sql,
        ]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout

    def _as_postgres(self, command: list[str]) -> None:
        self.data.mkdir(exist_ok=True)
        self.own()
        subprocess.run(
            ["runuser", "-u", PG_USER, "--", *command],
            check=True,
            stdout=subprocess.DEVNULL,
        )


class PrivateRedis:
    """A redis-server of our own without persistence: a restart starts empty."""

    def __init__(self, folder: Path, port: int):
        self.port = port
        self.log = folder / "redis.log"
        self.folder = folder
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.folder),
        ]
        self.process = spawn(command, log=self.log)
        wait_until(self.ready, 30, "private Redis")

    def ready(self) -> bool:
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=1).ping()

    def stop(self) -> None:
        if self.process:
            stop_group(self.process)
            self.process = None


class FakeWeChatService:
    """The fake WeChat API (``wechat.fake_api``) in this process on a fixed port; it can be
    stopped and started again on the same port. Like WeChat, which stays up while our
    connection to it fails, it remembers across restarts the message ids it has accepted
    (a repeated send with the same id is answered but not delivered again); it keeps the
    calls and deliveries of every run."""

    def __init__(self, port: int, latency: float = 0.0):
        self.port = port
        self.latency = latency
        self.fake = None
        self.earlier: list = []  # the delivered calls of the runs before this one
        self.earlier_calls: list = []
        self.accepted: tuple = ({}, {})  # the template and mass-send ids accepted so far

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        from wechat.fake_api import FakeWeChat

        self.fake = FakeWeChat(port=self.port, latency=self.latency)
        # Connections reset by a killed worker are expected here, not worth a traceback.
        self.fake._server.handle_error = lambda *_args: None
        self.fake._template_keys, self.fake._mass_keys = self.accepted
        self.fake.start()

    def stop(self) -> None:
        if self.fake:
            self.fake.stop()
            self.earlier += self.fake.delivered
            self.earlier_calls += self.fake.calls
            self.accepted = (self.fake._template_keys, self.fake._mass_keys)
            self.fake = None

    def delivered(self, path: str) -> list:
        now = list(self.fake.delivered) if self.fake else []
        return [call for call in self.earlier + now if call.path == path]

    def calls(self, path: str) -> list:
        now = list(self.fake.calls) if self.fake else []
        return [call for call in self.earlier_calls + now if call.path == path]


def fingerprint(patterns=SHAPING) -> str:
    """A digest of the files matching ``patterns`` (by default, what shapes the demo data)."""
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(path for path in ROOT.glob(pattern) if path.is_file()):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Stack:
    """Private PostgreSQL + Redis (+ the fake WeChat API) with the demo data loaded, and
    the environment of the Django processes that run against them."""

    def __init__(
        self, label: str, *, pg_port=55432, redis_port=16379, wechat_port=18100, latency=0.0
    ):
        self.label = label  # the logs are kept in benchmarks/results/logs/<label>/
        self.folder = Path(tempfile.mkdtemp(prefix="jindu-bench-"))
        self.media = self.folder / "media"
        self.postgres = PrivatePostgres(self.folder, pg_port)
        self.redis = PrivateRedis(self.folder, redis_port)
        self.wechat = FakeWeChatService(wechat_port, latency)
        self.workers: list[subprocess.Popen] = []

    @property
    def env(self) -> dict:
        from wechat.fake_api import DEFAULT_APP_ID, DEFAULT_APP_SECRET

        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "benchmarks.load.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "benchmark-only-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": self.postgres.url(),
            "REDIS_URL": self.redis.url,
            "MEDIA_ROOT": str(self.media),
            "BENCH_STATIC_ROOT": str(self.folder / "static"),
            "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "WECHAT_APP_ID": DEFAULT_APP_ID,
            "WECHAT_APP_SECRET": DEFAULT_APP_SECRET,
            "WECHAT_TOKEN": "bench-callback-token",
            "WECHAT_API_ROOT": self.wechat.url,
            "WECHAT_ALLOW_API_ROOT": "true",
            "SITE_URL": "http://127.0.0.1",
            "LOG_LEVEL": "WARNING",
        }

    def __enter__(self) -> "Stack":
        # A TERM (timeout, kill) ends this process through atexit, which stops the servers.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _start(self) -> None:
        snapshot = CACHE / fingerprint()
        if (snapshot / "pgdata").is_dir():
            shutil.copytree(snapshot / "pgdata", self.postgres.data, symlinks=True)
            shutil.copytree(snapshot / "media", self.media, symlinks=True)
            self.postgres.own()
            print(f"demo data: snapshot {snapshot.name}", flush=True)
        else:
            self._load(snapshot)
        self.redis.start()
        self.wechat.start()
        self.postgres.start()
        self.manage("migrate", "--noinput")
        self._collect_static()
        os.environ.update(self.env)  # this process's Django (data checks, plans) too

    def _collect_static(self) -> None:
        """The hashed files and manifest WhiteNoise serves, kept while the sources stay."""
        kept = CACHE / f"static-{fingerprint(STATIC_SOURCES)}"
        if not kept.is_dir():
            self.manage("collectstatic", "--noinput")
            shutil.copytree(self.folder / "static", kept, symlinks=True)
        else:
            shutil.copytree(kept, self.folder / "static", symlinks=True)

    def manage(self, *command: str, settings: str | None = None) -> None:
        environment = self.env
        if settings:
            environment = {**environment, "DJANGO_SETTINGS_MODULE": settings}
            environment.pop("REDIS_URL")  # the loaders need no cache server
        subprocess.run(
            [PYTHON, "manage.py", *command, "--verbosity", "0"],
            cwd=ROOT,
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def _load(self, snapshot: Path) -> None:
        """A fresh cluster with the demo data, then a snapshot of it for the next runs."""
        started = time.perf_counter()
        self.postgres.init()
        self.postgres.start()
        self.postgres.create_database()
        self.media.mkdir()
        for command in ("migrate", *LOADERS):
            print(f"demo data: manage.py {command}", flush=True)
            self.manage(command, settings="config.settings")
        self.postgres.stop()
        for stale in CACHE.glob("*") if CACHE.is_dir() else ():
            if not stale.name.startswith("static-"):
                shutil.rmtree(stale)
        snapshot.mkdir(parents=True)
        shutil.copytree(self.postgres.data, snapshot / "pgdata", symlinks=True)
        shutil.copytree(self.media, snapshot / "media", symlinks=True)
        print(f"demo data loaded in {time.perf_counter() - started:.0f} s", flush=True)

    def gunicorn(self, port: int, *, workers: int = 3, threads: int = 4, cpus=None, log=None):
        """A gunicorn for the stack, with the project's config/gunicorn.py when there is one;
        worker recycling off, so worker PIDs and memory stay observable."""
        command = [str(ROOT / ".venv" / "bin" / "gunicorn")]
        if (ROOT / "config" / "gunicorn.py").exists():
            command += ["-c", str(ROOT / "config" / "gunicorn.py")]
        command += [
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(ROOT),
            "--max-requests",
            "0",
            "--log-level",
            "warning",
            "config.wsgi",
        ]
        server = spawn(
            command, log=log or self.folder / f"gunicorn-{port}.log", env=self.env, cpus=cpus
        )
        wait_until(lambda: self._answers(port), 90, f"gunicorn on {port}")
        return server

    def db_worker(self, *, cpus=None) -> subprocess.Popen:
        command = [
            PYTHON,
            "manage.py",
            "db_worker",
            "--queue-name",
            "*",
            "--no-reload",
            "--interval",
            "0.2",
        ]
        number = len(self.workers)
        worker = spawn(
            command, log=self.folder / f"db_worker-{number}.log", env=self.env, cpus=cpus, cwd=ROOT
        )
        self.workers.append(worker)
        return worker

    @staticmethod
    def _answers(port: int) -> bool:
        from benchmarks.quiz_submit import request

        return request(("127.0.0.1", port), "GET", "/robots.txt")[0] == 200

    def close(self) -> None:
        from django.apps import apps

        if apps.ready:  # this process's connections go with the server
            from django.db import connections

            connections.close_all()
        for process in reversed(_started):
            if process is not self.postgres.process and process is not self.redis.process:
                stop_group(process)
        self.wechat.stop()
        self.redis.stop()
        self.postgres.stop()
        _started.clear()
        logs = RESULTS / "logs" / self.label
        shutil.rmtree(logs, ignore_errors=True)
        logs.mkdir(parents=True)
        for log in self.folder.glob("*.log"):
            shutil.copy(log, logs)
        shutil.rmtree(self.folder, ignore_errors=True)


def worker_pids(master_pid: int) -> list[int]:
    """The gunicorn master's worker processes."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return sorted(int(pid) for pid in children.read_text().split()) if children.exists() else []


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0
