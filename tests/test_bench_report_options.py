"""The production report's command line: quick runs are short, "faults" means every fault."""

from benchmarks.production_report import FAULTS, options


def test_quick_run_shortens_every_duration():
    quick = options(["--quick"])
    full = options([])

    assert (quick.seconds, quick.memory_requests, quick.render_runs, quick.outage) == (
        15,
        2_000,
        50,
        15,
    )
    assert (full.seconds, full.memory_requests, full.outage) == (60, 20_000, 60)
    assert full.users == [50, 200]


def test_only_faults_selects_each_fault_and_no_load():
    chosen = options(["--only", "faults", "--seconds", "30"])

    assert set(FAULTS) <= chosen.parts
    assert "load" not in chosen.parts
    assert chosen.seconds == 30
