"""Exports that need the renderer: one job per worker, a short queue, then 503 with Retry-After, not a stalled site."""

from __future__ import annotations

import threading
import time

import pytest

import charts as chart_registry
from figures import render


def hold(renderer, started: threading.Event, release: threading.Event, outcome: list):
    try:
        with renderer.job():
            started.set()
            release.wait(10)
        outcome.append("ran")
    except render.RendererBusy:
        outcome.append("busy")


def test_one_job_runs_one_waits_and_the_next_is_refused_at_once():
    renderer = render.Renderer(queue=1, queue_wait=0.5)
    started, release, outcome = threading.Event(), threading.Event(), []
    first = threading.Thread(target=hold, args=(renderer, started, release, outcome))
    first.start()
    assert started.wait(5)
    second = threading.Thread(target=hold, args=(renderer, threading.Event(), threading.Event(), outcome))
    second.start()
    time.sleep(0.1)  # the second now waits in the queue
    before = time.monotonic()
    with pytest.raises(render.RendererBusy) as refused:
        with renderer.job():
            pass
    assert time.monotonic() - before < 0.2 and refused.value.retry_after > 0  # refused at once, with a wait
    second.join(5)
    assert outcome == ["busy"]  # the waiting one gave up after queue_wait, the first still runs
    release.set()
    first.join(5)
    assert outcome == ["busy", "ran"]
    with renderer.job():  # and the renderer is free again
        pass


def test_an_image_export_on_a_busy_worker_gets_503_with_retry_after(client):
    chart_registry.load_all()
    view, charts = next(iter(chart_registry.CHARTS.items()))
    key = next(iter(charts))
    started, release, outcome = threading.Event(), threading.Event(), []
    holders = [threading.Thread(target=hold, args=(render.renderer, started, release, outcome))]
    holders[0].start()
    assert started.wait(5)
    for _ in range(render.QUEUE):  # fill the queue behind the running job
        holders.append(threading.Thread(target=hold, args=(render.renderer, threading.Event(), release, outcome)))
        holders[-1].start()
    time.sleep(0.2)
    try:
        response = client.get(f"/export/{view}/{key}.png")
        assert response.status_code == 503
        assert int(response.headers["Retry-After"]) > 0
        assert "Försök igen om" in response.get_data(as_text=True)
        deck = client.get(f"/export/{view}.zip")
        assert deck.status_code == 503 and "Retry-After" in deck.headers
    finally:
        release.set()
        for t in holders:
            t.join(10)
