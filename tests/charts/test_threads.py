"""Charts can be drawn from several threads at once (a web server): same bytes as drawn alone."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from kotacerdas import charts
from tests.charts.conftest import all_charts


def test_concurrent_rendering_gives_the_same_bytes() -> None:
    jobs = [(chart, fmt) for chart in all_charts() for fmt in charts.FORMATS]
    alone = [charts.render(chart.build(), fmt) for chart, fmt in jobs]
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(lambda job: charts.render(job[0].build(), job[1]), jobs * 2))
    assert together == alone * 2
