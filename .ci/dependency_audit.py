"""Audit the installed dependencies with pip-audit; fail when any has a known vulnerability.

pip-audit asks PyPI's vulnerability data for each installed release. Where that data cannot
be reached (a registry mirror without the per-release JSON, no route to the internet), the
release is skipped: this says how many were audited and how many skipped, so a run that
audited nothing is seen as such and not as a clean result.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

VENV_BIN = Path(sys.executable).parent


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        command = [
            str(VENV_BIN / "pip-audit"),
            "--skip-editable",
            "--progress-spinner=off",
            "--format=json",
            f"--output={report}",
        ]
        run = subprocess.run(command, check=False)  # noqa: S603
        if not report.exists():
            print(f"pip-audit failed with exit code {run.returncode}")
            return run.returncode or 1
        dependencies = json.loads(report.read_text())["dependencies"]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if "skip_reason" in d]
    audited = len(dependencies) - len(skipped)
    for dependency in vulnerable:
        ids = ", ".join(v["id"] for v in dependency["vulns"])
        print(f"VULNERABLE {dependency['name']} {dependency['version']}: {ids}")
    print(f"audited {audited} of {len(dependencies)} installed releases, skipped {len(skipped)}")
    if skipped and not audited:
        print("no vulnerability data was reachable from this machine: nothing could be audited")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
