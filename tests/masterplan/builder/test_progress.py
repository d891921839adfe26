"""The progress callback hears every step, ending each at done == total."""

from __future__ import annotations

from kotacerdas.masterplan.builder import build


def test_progress_reports_every_step(complete):
    calls = []
    build(complete, progress=lambda step, done, total: calls.append((step, done, total)))
    steps = {}
    for step, done, total in calls:
        assert 0 <= done <= total
        steps[step] = (done, total)
    assert set(steps) == {"analisis", "rencana aksi", "bab", "grafik"}
    assert all(done == total for done, total in steps.values())
