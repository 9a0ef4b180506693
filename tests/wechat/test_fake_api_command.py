"""`manage.py run_fake_wechat` serves the fake API in the foreground until stopped."""

import os
import subprocess
import sys
from pathlib import Path

import requests

from wechat.fake_api import DEFAULT_APP_ID, DEFAULT_APP_SECRET

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"


def test_command_serves_until_stopped():
    process = subprocess.Popen(
        [sys.executable, str(MANAGE), "run_fake_wechat", "--port", "0", "--latency-ms", "1"],
        stdout=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("WECHAT_")},
    )
    try:
        first_line = process.stdout.readline()
        url = first_line.split("：", 1)[1].split("（")[0]
        body = {"grant_type": "client_credential", "appid": DEFAULT_APP_ID}
        answer = requests.post(
            f"{url}/cgi-bin/stable_token", json={**body, "secret": DEFAULT_APP_SECRET}, timeout=5
        )
        assert answer.json()["expires_in"] > 7000
    finally:
        process.terminate()
        process.wait(timeout=10)
