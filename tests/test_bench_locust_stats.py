"""The production report reads Locust's statistics per endpoint: rate, percentiles, errors."""

from benchmarks.load.runner import read_stats

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n"
)


def test_endpoint_figures_and_the_whole_run(tmp_path):
    stats = tmp_path / "run_stats.csv"
    stats.write_text(
        HEADER
        + "GET,article,2000,3,12,15,2,400,16000,33.3,0.05,12,14,15,16,20,31,40,52,90,120,400\n"
        + ",Aggregated,2000,3,12,15,2,400,16000,33.3,0.05,12,14,15,16,20,31,40,52,90,120,400\n"
    )

    figures = read_stats(stats)

    assert set(figures) == {"article", "all"}
    assert figures["article"] == {
        "requests": 2000,
        "failures": 3,
        "error_rate_pct": 0.15,
        "per_second": 33.3,
        "p50_ms": 12.0,
        "p95_ms": 31.0,
        "p99_ms": 52.0,
    }


def test_an_endpoint_without_answers_has_no_percentiles(tmp_path):
    stats = tmp_path / "run_stats.csv"
    stats.write_text(
        HEADER + "GET,search,0,0,0,0,0,0,0,0,0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A\n"
    )

    figures = read_stats(stats)

    assert figures["search"]["error_rate_pct"] == 0.0
    assert figures["search"]["p99_ms"] is None
