"""Fail when a tracked file holds a possible secret that .secrets.baseline does not list.

The baseline lists the reviewed findings that are not secrets (the demo key, the fake
credentials of tests and of the local fake WeChat API). Findings are compared by file, kind
and hashed value, not by line, so editing around them does not matter. A new finding is a
real secret to take out of the repository (settings come from the environment), or, once
reviewed, a non-secret to add: `detect-secrets scan --baseline .secrets.baseline`.
"""

import subprocess
import sys

from detect_secrets.core import baseline
from detect_secrets.core.secrets_collection import SecretsCollection

BASELINE = ".secrets.baseline"


def main() -> int:
    reviewed = baseline.load(baseline.load_from_file(BASELINE), BASELINE)
    tracked = subprocess.run(
        ["git", "ls-files"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    found = SecretsCollection()
    found.scan_files(*tracked)
    new = list(found - reviewed)
    for filename, secret in new:
        print(f"possible secret: {filename}:{secret.line_number} ({secret.type})")
    print(f"scanned {len(tracked)} tracked files: {len(new)} possible secrets not reviewed")
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
