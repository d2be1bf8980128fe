"""Training in the real app: Start to the final accuracy, two tabs sharing one computation,
the 5-layer network's tiny preset, the overfitting experiment's first charts.

While a run is on, the page reruns a fragment every 0.4 s, so these tests wait for the texts
they expect rather than for the app to be idle.
"""

from __future__ import annotations

import re

from core.texts import t

from .helpers import EXCEPTION, PLOTLY_CHART, full_page_screenshot, open_app, wait_for_app

RUN_TIMEOUT = 180_000  # ms: generous, the CI machine may be busy


def final_accuracy(page, lang: str) -> float:
    """The final test accuracy shown in the result's metric, as a number."""
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=t("final_test_accuracy", lang)).first
    value = metric.locator('[data-testid="stMetricValue"]').inner_text()
    return float(re.sub(r"[^\d,.]", "", value).replace(",", "."))


def metric_text(page, label_key: str, lang: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=t(label_key, lang)).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def start_and_wait(page, lang: str) -> None:
    page.get_by_role("button", name=t("run_start", lang), exact=True).click()
    page.get_by_role("heading", name=t("final_title", lang)).wait_for(timeout=RUN_TIMEOUT)


def set_seed(page, lang: str, seed: int) -> None:
    box = page.get_by_label(t("set_seed", lang), exact=True).and_(page.locator("input"))
    box.fill(str(seed))
    box.press("Enter")
    page.wait_for_timeout(800)


def test_start_with_the_lessons_settings_reaches_about_92_percent(new_page, base_url, screenshot_dir):
    page = new_page()
    open_app(page, base_url, "/training", "en")
    start_and_wait(page, "en")
    accuracy = final_accuracy(page, "en")
    assert 91.0 <= accuracy <= 93.0, accuracy
    assert page.locator(EXCEPTION).count() == 0
    # The result's heading can come before its charts: a run that ends before the first poll has drawn
    # them (a poll waits for an end due before the next one) mounts the first charts of this page with
    # the result, while the browser still loads Plotly's script (a skeleton meanwhile).
    wait_for_app(page)
    assert page.locator(PLOTLY_CHART).count() >= 8  # the six views (seven charts) and the confusion matrix
    # The margins given by core.figures.dashboard.MARGINS are those Plotly's automargin settles on for a
    # laptop: it does not widen them, so each chart a poll mounts is drawn once, not twice.
    margins = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => {
        const size = gd._fullLayout._size, given = gd.layout.margin || {};
        return {title: String((gd.layout.title || {}).text || ''),
                drawn: [size.l, size.r, size.t, size.b].map(Math.round), given: [given.l, given.r, given.t, given.b]};
    })""")
    assert len(margins) >= 8
    assert [m for m in margins if m["drawn"] != m["given"]] == []
    full_page_screenshot(page, screenshot_dir / "training-run-en.png", wait=False)


def test_two_tabs_with_the_same_settings_share_one_computation(new_page, base_url):
    first, second = new_page(), new_page()
    for page in (first, second):
        open_app(page, base_url, "/training")
        set_seed(page, "fr", 7)  # a setting no other test trains
    first.get_by_role("button", name=t("run_start", "fr"), exact=True).click()
    second.get_by_role("button", name=t("run_start", "fr"), exact=True).click()
    for page in (first, second):
        page.get_by_role("heading", name=t("final_title", "fr")).wait_for(timeout=RUN_TIMEOUT)
    assert final_accuracy(first, "fr") == final_accuracy(second, "fr")
    # one computation: both tabs show the very same measured compute time, to the hundredth of a second
    assert metric_text(first, "final_time", "fr") == metric_text(second, "final_time", "fr")


def move_slider(page, label_key: str, lang: str, steps_from_start: int) -> None:
    """Put a select slider on its ``steps_from_start``-th option with the keyboard, as a student could."""
    thumb = page.get_by_role("slider", name=t(label_key, lang))
    thumb.focus()
    thumb.press("Home")
    for _ in range(steps_from_start):
        thumb.press("ArrowRight")
    page.wait_for_timeout(800)


def test_the_tiny_network_trains_to_its_end(new_page, base_url, screenshot_dir):
    page = new_page()
    open_app(page, base_url, "/five-layers", "en")
    page.get_by_role("button", name=t("preset_tiny", "en")).click()
    page.wait_for_timeout(1000)
    move_slider(page, "set_epochs", "en", 3)        # 5 epochs
    move_slider(page, "set_train_size", "en", 3)    # 10 000 digits
    start_and_wait(page, "en")
    assert page.get_by_text("5 / 5 epochs").count() == 1
    accuracy = final_accuracy(page, "en")
    assert 50.0 <= accuracy <= 97.0, accuracy  # 16 sigmoid neurons, 5 epochs on 10 000 digits: far above chance
    assert page.locator(EXCEPTION).count() == 0
    full_page_screenshot(page, screenshot_dir / "five-layers-tiny-en.png", wait=False)


def test_the_overfitting_page_draws_its_first_experiment(new_page, base_url, screenshot_dir):
    page = new_page()
    open_app(page, base_url, "/overfitting")
    page.locator(PLOTLY_CHART).nth(1).wait_for(timeout=RUN_TIMEOUT)
    page.locator('[data-testid="stProgress"]').wait_for(state="detached", timeout=RUN_TIMEOUT)  # all ended
    page.locator(PLOTLY_CHART).nth(2).wait_for(timeout=RUN_TIMEOUT)  # the chart against the number of digits
    page.locator('[data-testid="stAlert"]').filter(has_text="100").first.wait_for()  # "… 100 % in training …"
    assert page.locator(EXCEPTION).count() == 0
    full_page_screenshot(page, screenshot_dir / "overfitting-run-fr.png", wait=False)
