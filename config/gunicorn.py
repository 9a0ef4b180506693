"""gunicorn settings from environment variables: ``gunicorn -c config/gunicorn.py config.wsgi``.

Defaults suit one web machine with 2 cores behind nginx on the same machine. Every value can
be changed by its variable (see the README's 配置 table); gunicorn's own GUNICORN_CMD_ARGS
and command-line options still win over this file.
"""

import os
import sys
from pathlib import Path

# gunicorn reads this file before it imports the site: make the project importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config.env import env_bool, env_int, env_list, env_str  # noqa: E402
from config.logging import ACCESS_LOG_FORMAT, log_format, logging_config  # noqa: E402


def _cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


bind = env_list("GUNICORN_BIND", ["127.0.0.1:8000"])
# Processes for CPU (page rendering holds the GIL), threads for waiting on PostgreSQL, Redis
# and WeChat. Each thread may hold one database connection: workers × threads per machine.
workers = env_int("GUNICORN_WORKERS", 2 * _cores() + 1)
threads = env_int("GUNICORN_THREADS", 4)
worker_class = "gthread"
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Restart each worker after a number of requests (staggered) to bound slow memory growth.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 100)
# The heartbeat file is written constantly: keep it in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Addresses whose X-Forwarded-Proto gunicorn trusts: the proxy's (nginx on this machine).
forwarded_allow_ips = ",".join(env_list("FORWARDED_ALLOW_IPS", ["127.0.0.1", "::1"]))

loglevel = env_str("LOG_LEVEL", "INFO").lower()
accesslog = "-" if env_bool("GUNICORN_ACCESS_LOG", default=True) else None
errorlog = "-"
access_log_format = ACCESS_LOG_FORMAT
logconfig_dict = logging_config(
    fmt=log_format(debug=env_bool("DJANGO_DEBUG", default=True), requested=env_str("LOG_FORMAT")),
    level=env_str("LOG_LEVEL", "INFO").upper(),
    django=False,
)
