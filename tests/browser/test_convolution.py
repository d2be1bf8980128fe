"""The convolution page in the real app: the answer's chart, a filter really slid over a digit, the
step-by-step stepper and its animation, the learned networks layer by layer and against a shift,
French, a phone, and a small network trained live to its end.

Expected numbers are computed here with ``core`` (the very functions the page calls) on the test
digit the page shows by default (test digit no. 0, a 7), and compared with what the browser shows:
the sum line under the stepper, the feature map read out of the Plotly chart, the metrics.
Expected texts come from ``core.texts``.

The stepper lives in a fragment: while it animates, the page reruns that fragment every 0.5 s, so
the animation tests read the sum line as it changes rather than waiting for the app to be idle.
The answer's chart shows the shipped networks' curves at once (data/convnet_curves.json); the
lesson's other models join it as the server trains them.
"""

from __future__ import annotations

import functools
import re
import time

import numpy as np
import pytest

from core import data
from core.lesson import convolution as cv
from core.lesson import experiments, translation
from core.models.convnet import shipped
from core.numbers import format_number
from core.texts import t

from .helpers import (
    PLOTLY_CHART,
    assert_charts_fit,
    assert_no_errors,
    full_page_screenshot,
    open_app,
    require_playwright,
    rerun,
    run_count,
    title_text,
)

expect = require_playwright().expect

PATH = "/convolution"
DIGIT_INDEX = 0  # the page's default test digit (a 7)
START = (7, 7)   # where the stepper starts: on the digit, not in an empty corner
UI_TIMEOUT = 30_000          # ms
SOFTMAX_TIMEOUT = 300_000    # ms: the server trains the lesson's 10-neuron model at start (a few seconds alone)
ALL_MODELS_TIMEOUT = 780_000  # ms: and its two 5-layer networks, about a minute each (as tests/browser/test_translation.py)
QUIET_MS = 2_000             # ms without a run: the page has stopped polling (its slowest poll: 1.2 s)
ANIMATION_TIMEOUT = 20_000   # ms: several 0.5 s steps, on a busy 2-core machine
RUN_TIMEOUT = 180_000        # ms: a small network (4 filters, 1 000 digits, one epoch) on a busy machine
STILL_SECONDS = 3.0          # how long a stopped animation is watched (about six of its steps)
PHONE = {"width": 390, "height": 844}

# While a run is going on, Streamlit keeps the last run's elements on screen marked data-stale:
# look at the current ones when the page is idle.
CURRENT = '[data-testid="stElementContainer"]:not([data-stale="true"])'
MARKDOWN = f'{CURRENT} [data-testid="stMarkdownContainer"]'
METRIC = '[data-testid="stMetric"]'


# ------------------------------------------------------------------ what the page should show
@functools.lru_cache(maxsize=1)
def _test_digit() -> np.ndarray:
    return data.load_mnist().x_test[DIGIT_INDEX]


def digit_image() -> np.ndarray:
    return data.to_float(_test_digit())


def expected_sum(filter_name: str, row: int, col: int) -> float:
    return cv.products_at(digit_image(), cv.PRESETS[filter_name], row, col)[2]


def sum_line(lang: str, row: int, col: int, value: float) -> str:
    """The stepper's line as rendered (markdown's ``**`` gone)."""
    return t("conv_step_sum", lang, row=row, col=col, value=format_number(value, 2, lang)).replace("**", "")


def sum_pattern(lang: str) -> re.Pattern:
    """Any stepper line in ``lang``; groups row, col, value."""
    text = re.escape(t("conv_step_sum", lang, row="QQrow", col="QQcol", value="QQvalue").replace("**", ""))
    text = (text.replace("QQrow", r"(?P<row>\d+)").replace("QQcol", r"(?P<col>\d+)")
            .replace("QQvalue", r"(?P<value>-?\d+(?:[.,]\d+)?)"))
    return re.compile(text)


# ------------------------------------------------------------------------------ reading the page
def current_sum(page, lang: str, stale_too: bool = False) -> re.Match | None:
    """The stepper's sum line, parsed; None if it is not on screen. With ``stale_too``, also the
    line of a run being replaced (what the student sees while the animation reruns the fragment)."""
    selector = '[data-testid="stMarkdownContainer"]' if stale_too else MARKDOWN
    pattern = sum_pattern(lang)
    for text in page.locator(selector).all_inner_texts():
        match = pattern.fullmatch(" ".join(text.split()))
        if match:
            return match
    return None


def position(page, lang: str = "en") -> tuple[int, int] | None:
    match = current_sum(page, lang, stale_too=True)
    return (int(match["row"]), int(match["col"])) if match else None


def assert_sum_line(page, lang: str, filter_name: str, row: int, col: int) -> None:
    """The stepper says the sum at (row, col) and its value is the one ``core`` computes."""
    wanted = sum_line(lang, row, col, expected_sum(filter_name, row, col))
    expect(page.locator(MARKDOWN).filter(has_text=wanted)).to_have_count(1, timeout=UI_TIMEOUT)


def chart_z(page, key: str, trace: int) -> np.ndarray:
    """The z matrix of a heatmap trace of the chart ``key``, as Plotly drew it (NaN for blanks)."""
    rows = page.evaluate(
        """([key, trace]) => {
            const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
            if (!plot || !plot._fullData || !plot._fullData[trace]) return null;
            return Array.from(plot._fullData[trace].z, (row) => Array.from(row, (v) => v ?? null));
        }""",
        [key, trace],
    )
    assert rows is not None, f"no drawn Plotly chart with key {key!r} (trace {trace})"
    return np.array(rows, dtype=float)


def pick_option(page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label``, as a student would (no waiting for the run)."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # the list closes if the page still scrolls when it opens
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)


def choose_option(page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label`` and wait until the page has run with it."""
    with rerun(page):
        pick_option(page, label, option)


def choose_section(page, name: str, lang: str) -> None:
    with rerun(page):
        page.get_by_role("radio", name=t(f"conv_section_{name}", lang), exact=True).click()
    expect(page.get_by_role("heading", name=t(f"conv_{name}_header", lang))).to_be_visible(timeout=UI_TIMEOUT)


def click_button(page, key: str, lang: str) -> None:
    # (a button's accessible name also holds its icon's name)
    with rerun(page):
        page.get_by_role("button").filter(has_text=t(key, lang)).click()


def animate_switch(page, lang: str):
    return page.get_by_role("switch", name=t("conv_step_play", lang))


def click_animate(page) -> None:
    # The switch's <input> is visually hidden: click its label, as a student does.
    page.locator(".st-key-conv_play label").click()


def metric_value(page, label_key: str, lang: str) -> float:
    metric = page.locator(f"{CURRENT} {METRIC}").filter(has_text=t(label_key, lang))
    expect(metric).to_have_count(1)
    text = metric.locator('[data-testid="stMetricValue"]').inner_text()
    return float(re.sub(r"[^\d,.-]", "", text).replace(",", "."))


def assert_no_sideways_scroll(page, width: int) -> None:
    widths = page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]');
        return [document.documentElement.scrollWidth, main.scrollWidth, main.clientWidth];
    }""")
    assert widths[0] <= width and widths[1] <= widths[2], f"the page scrolls sideways: {widths}"


def panel_titles_outside(page) -> list[str]:
    """The panel titles (Plotly annotations) that stick out of their chart, e.g. cut by the screen."""
    return page.evaluate("""() => {
        const problems = [];
        document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach((chart) => {
            const svg = chart.querySelector('.js-plotly-plot svg.main-svg');
            if (!svg) return;
            const box = svg.getBoundingClientRect();
            const holder = chart.closest('[class*="st-key-"]');
            const key = holder ? [...holder.classList].find((c) => c.startsWith('st-key-')).slice(7) : '?';
            for (const note of chart.querySelectorAll('.annotation-text')) {
                const r = note.getBoundingClientRect();
                if (note.textContent.trim() && (r.left < box.left - 1 || r.right > box.right + 1)) {
                    problems.push(`${key}: "${note.textContent.trim()}" spans ${Math.round(r.left)}-${Math.round(r.right)} px, `
                                  + `the chart ${Math.round(box.left)}-${Math.round(box.right)} px`);
                }
            }
        });
        return problems;
    }""")


def wait_for_column(page, lang: str, at_least: int, timeout_ms: float) -> tuple[int, int]:
    """Wait (without touching the page) until the stepper's column reaches ``at_least``."""
    deadline = time.monotonic() + timeout_ms / 1000
    seen = []
    while time.monotonic() < deadline:
        now = position(page, lang)
        if now and (not seen or seen[-1] != now):
            seen.append(now)
        if now and now[1] >= at_least:
            return now
        page.wait_for_timeout(200)
    raise AssertionError(f"the stepper did not reach column {at_least} on its own within "
                         f"{timeout_ms / 1000:.0f} s; positions seen: {seen}")


def assert_stays_still(page, lang: str, seconds: float) -> tuple[int, int]:
    """The stepper's position does not change for ``seconds``; returns it."""
    still = position(page, lang)
    assert still is not None, "no sum line on screen"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page.wait_for_timeout(200)
        now = position(page, lang)
        assert now in (None, still), f"the stepper still moves after Animate was turned off: {still} -> {now}"
    return still


def turn_animation_off(page, lang: str) -> None:
    """Click Animate off and let the step already on its way land: the browser may have asked for
    the next step (with Animate still on) just before the click; no step asked for after it may."""
    before = run_count(page)
    click_animate(page)
    expect(animate_switch(page, lang)).not_to_be_checked(timeout=UI_TIMEOUT)
    page.wait_for_function(f"(window.__stRuns || 0) > {before}", timeout=UI_TIMEOUT, polling=50)
    page.wait_for_timeout(1500)  # about three steps' time, for one asked for before the click
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stApp"]').getAttribute('data-test-script-state')
                 === 'notRunning'""", timeout=UI_TIMEOUT, polling=50)


def wait_for_a_quiet_page(page, lang: str = "en") -> None:
    """Wait until the page polls no more: the answer's chart shows every model of the lesson (the server
    has trained and measured them), and no run has started for a while. The stepper's fragment is
    then the only thing on the page that reruns, which the animation tests count on."""
    names = [t(f"trans_model_{name}", lang) for name in (*experiments.TRANSLATION_MODELS, *experiments.SHIPPED_MODELS)]
    page.wait_for_function(
        """([key, names]) => {
            const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
            return !!plot && !!plot._fullData && names.every((name) => plot._fullData.some((t) => t.name === name));
        }""",
        arg=["conv_answer_chart", names], timeout=ALL_MODELS_TIMEOUT, polling=500,
    )
    deadline = time.monotonic() + UI_TIMEOUT / 1000
    while True:  # the answer's last poll reruns the page once, then nothing reruns
        runs = run_count(page)
        page.wait_for_timeout(QUIET_MS)
        if run_count(page) == runs:
            return
        assert time.monotonic() < deadline, "the page kept rerunning once every model was measured"


# ---------------------------------------------------------------------------------- the tests
def test_the_filter_slides_over_the_digit_and_changing_it_changes_the_map(new_page, base_url, screenshot_dir):
    page = new_page()
    open_app(page, base_url, PATH, "en")

    assert title_text(page) == t("conv_title", "en")
    assert_no_errors(page)
    assert_charts_fit(page)
    expect(page.get_by_role("combobox", name=t("conv_filter_choice", "en"), exact=True)).to_have_value(
        t("filter_vertical_edges", "en"))
    full_page_screenshot(page, screenshot_dir / "convolution-filter-en.png")

    # the feature map drawn is the digit correlated with the filter shown (trace 1: the map)
    image = digit_image()
    vertical = cv.correlate(image, cv.PRESETS["vertical_edges"])
    np.testing.assert_allclose(chart_z(page, "conv_map", 1), vertical, atol=1e-4)
    np.testing.assert_allclose(chart_z(page, "conv_kernel", 0), cv.PRESETS["vertical_edges"])
    assert_sum_line(page, "en", "vertical_edges", *START)

    choose_option(page, t("conv_filter_choice", "en"), t("filter_horizontal_edges", "en"))

    assert_no_errors(page)
    horizontal = cv.correlate(image, cv.PRESETS["horizontal_edges"])
    shown = chart_z(page, "conv_map", 1)
    assert not np.allclose(shown, vertical, atol=1e-2), "the feature map did not change with the filter"
    np.testing.assert_allclose(shown, horizontal, atol=1e-4)
    np.testing.assert_allclose(chart_z(page, "conv_kernel", 0), cv.PRESETS["horizontal_edges"])
    assert expected_sum("horizontal_edges", *START) != pytest.approx(expected_sum("vertical_edges", *START), abs=0.01)
    assert_sum_line(page, "en", "horizontal_edges", *START)
    assert_charts_fit(page)
    assert not panel_titles_outside(page)
    full_page_screenshot(page, screenshot_dir / "convolution-filter-horizontal-en.png")


def test_the_stepper_moves_with_next_and_previous(new_page, base_url):
    page = new_page()
    open_app(page, base_url, PATH, "en")
    wait_for_a_quiet_page(page)
    column = page.get_by_role("slider", name=t("conv_step_col", "en"))
    assert_sum_line(page, "en", "vertical_edges", *START)

    click_button(page, "conv_step_next", "en")
    assert_sum_line(page, "en", "vertical_edges", 7, 8)
    expect(column).to_have_value("8")
    step_map = chart_z(page, "conv_step_maps", 1)  # the map filled up to (7, 8) included
    assert np.isfinite(step_map[7, :9]).all() and np.isnan(step_map[7, 9:]).all() and np.isnan(step_map[8:]).all()

    click_button(page, "conv_step_next", "en")
    assert_sum_line(page, "en", "vertical_edges", 7, 9)
    click_button(page, "conv_step_previous", "en")
    click_button(page, "conv_step_previous", "en")
    assert_sum_line(page, "en", "vertical_edges", *START)
    expect(column).to_have_value("7")
    assert_no_errors(page)


def test_the_animate_switch_alone_starts_and_stops_the_animation(new_page, base_url):
    page = new_page()
    open_app(page, base_url, PATH, "en")
    wait_for_a_quiet_page(page)
    assert position(page) == START

    click_animate(page)
    expect(animate_switch(page, "en")).to_be_checked(timeout=UI_TIMEOUT)
    wait_for_column(page, "en", START[1] + 4, ANIMATION_TIMEOUT)  # several positions, on its own

    turn_animation_off(page, "en")
    assert_stays_still(page, "en", STILL_SECONDS)
    runs = run_count(page)
    page.wait_for_timeout(2000)  # a stopped animation reruns nothing any more
    assert run_count(page) == runs, f"the page still reruns {run_count(page) - runs} times in 2 s after Animate off"


def test_a_running_animation_advances_and_stops_when_turned_off(new_page, base_url, screenshot_dir):
    """The animation as it works today: Animate on, then anything that reruns the whole page (here,
    choosing another filter) starts it; Animate off stops the filter where it is."""
    page = new_page()
    open_app(page, base_url, PATH, "en")
    wait_for_a_quiet_page(page)
    with rerun(page):
        click_animate(page)
    expect(animate_switch(page, "en")).to_be_checked()
    start = position(page)
    assert start is not None and start[0] == START[0]
    # (not waiting for the page to be idle: once the animation runs, it hardly ever is)
    pick_option(page, t("conv_filter_choice", "en"), t("filter_horizontal_edges", "en"))

    row, col = wait_for_column(page, "en", start[1] + 5, ANIMATION_TIMEOUT)
    assert row == START[0]
    full_page_screenshot(page, screenshot_dir / "convolution-animation-en.png", wait=False)

    turn_animation_off(page, "en")
    row, col = assert_stays_still(page, "en", STILL_SECONDS)
    match = current_sum(page, "en", stale_too=True)
    assert match["value"] == format_number(expected_sum("horizontal_edges", row, col), 2, "en")
    assert_no_errors(page)


@pytest.mark.parametrize("network", ["global_pooling", "lesson"])
def test_the_learned_network_draws_its_filters_and_each_layer(new_page, base_url, screenshot_dir, network):
    page = new_page()
    open_app(page, base_url, f"{PATH}?network={network}", "en")
    choose_section(page, "network", "en")

    assert_no_errors(page)
    expected = shipped.load_shipped(network).first_layer_filters()
    for index in (0, len(expected) - 1):
        np.testing.assert_allclose(chart_z(page, "conv_learned_filters", index), expected[index], rtol=1e-5, atol=1e-6)
    maps = dict(shipped.load_shipped(network).feature_maps(digit_image()))
    first_map = chart_z(page, "conv_layer_relu1", 0)
    assert first_map.shape == (28, 28)
    np.testing.assert_allclose(first_map, maps["relu1"][:, :, 0], rtol=1e-4, atol=1e-5)
    assert page.locator(f".st-key-conv_probabilities {PLOTLY_CHART}").count() == 1
    assert_charts_fit(page)
    assert not panel_titles_outside(page)
    full_page_screenshot(page, screenshot_dir / f"convolution-network-{network}-en.png")


def test_global_pooling_keeps_a_moved_digits_features(new_page, base_url, screenshot_dir):
    page = new_page()
    open_app(page, base_url, PATH, "en")
    choose_section(page, "shift", "en")

    assert_no_errors(page)
    expect(page.get_by_role("slider", name=t("trans_dx", "en"))).to_have_value("3")
    expect(page.get_by_role("slider", name=t("trans_dy", "en"))).to_have_value("0")
    pixels = metric_value(page, "conv_similarity_pixels_metric", "en")
    features = metric_value(page, "conv_similarity_features_metric", "en")
    assert features > pixels + 0.3, f"features {features} vs pixels {pixels} at dx = 3"

    # the very numbers core computes for test digit no. 0 moved 3 pixels right
    network = shipped.load_shipped("global_pooling")
    moved = data.to_float(translation.shift_images(_test_digit(), 3, 0))
    assert pixels == pytest.approx(cv.cosine_similarity(digit_image(), moved), abs=0.006)
    assert features == pytest.approx(cv.cosine_similarity(cv.pooled_features(network, digit_image()),
                                                          cv.pooled_features(network, moved)), abs=0.006)
    assert page.locator(f".st-key-conv_similarity {PLOTLY_CHART}").count() == 1
    assert_charts_fit(page)
    assert not panel_titles_outside(page)
    full_page_screenshot(page, screenshot_dir / "convolution-shift-en.png")


def test_the_page_in_french(new_page, base_url, screenshot_dir):
    page = new_page()
    open_app(page, base_url, PATH)

    assert title_text(page) == t("conv_title", "fr")
    assert_no_errors(page)
    for name in ("filter", "network", "shift", "train"):
        expect(page.get_by_role("radio", name=t(f"conv_section_{name}", "fr"), exact=True)).to_have_count(1)
        expect(page.get_by_role("radio", name=t(f"conv_section_{name}", "en"), exact=True)).to_have_count(0)
    expect(page.get_by_role("combobox", name=t("conv_filter_choice", "fr"), exact=True)).to_have_value(
        t("filter_vertical_edges", "fr"))
    # "Somme en (ligne 7, colonne 7) = 0,71": a decimal comma
    match = current_sum(page, "fr")
    assert match is not None, "no French sum line"
    assert re.fullmatch(r"-?\d+,\d\d", match["value"]), match.group(0)
    assert_sum_line(page, "fr", "vertical_edges", *START)
    full_page_screenshot(page, screenshot_dir / "convolution-filter-fr.png")

    choose_section(page, "shift", "fr")
    value = page.locator(f"{CURRENT} {METRIC}").filter(has_text=t("conv_similarity_features_metric", "fr"))
    assert re.fullmatch(r"-?\d+,\d\d", value.locator('[data-testid="stMetricValue"]').inner_text().strip())
    assert_no_errors(page)
    full_page_screenshot(page, screenshot_dir / "convolution-shift-fr.png")


def test_the_filter_section_on_a_phone(new_page, base_url, screenshot_dir):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    open_app(page, base_url, PATH, "en")
    full_page_screenshot(page, screenshot_dir / "convolution-filter-en-phone.png")

    assert title_text(page) == t("conv_title", "en")
    assert_no_errors(page)
    assert_no_sideways_scroll(page, PHONE["width"])
    assert_charts_fit(page)
    assert_sum_line(page, "en", "vertical_edges", *START)
    for key in ("conv_kernel", "conv_map", "conv_step_maps", "conv_products"):
        box = page.locator(f".st-key-{key} {PLOTLY_CHART}").bounding_box()
        assert box is not None and box["width"] > 0 and box["x"] + box["width"] <= PHONE["width"] + 1, (key, box)


def test_the_panel_titles_fit_on_a_phone(new_page, base_url):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    open_app(page, base_url, PATH, "en")
    problems = panel_titles_outside(page)
    assert not problems, "panel titles cut off:\n" + "\n".join(problems)


def curves(page, key: str) -> dict[str, list[float]]:
    """The curves of the chart ``key`` (name -> y), as Plotly drew them; {} before it is drawn."""
    return page.evaluate(
        """(key) => {
            const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
            if (!plot || !plot._fullData) return {};
            return Object.fromEntries(plot._fullData.map((trace) => [trace.name, Array.from(trace.y)]));
        }""",
        key,
    )


def test_the_page_opens_on_every_model_against_the_shift(new_page, base_url, screenshot_dir):
    """The answer's chart: the shipped networks' curves at once, the lesson's models as they are trained."""
    page = new_page()
    open_app(page, base_url, PATH, "en")
    names = {name: t(f"trans_model_{name}", "en") for name in ("cnn_lesson", "cnn_global", "softmax")}
    page.wait_for_function(
        """([key, names]) => {
            const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
            return !!plot && !!plot._fullData && names.every((name) => plot._fullData.some((t) => t.name === name));
        }""",
        arg=["conv_answer_chart", list(names.values())], timeout=SOFTMAX_TIMEOUT, polling=500,
    )
    drawn = curves(page, "conv_answer_chart")
    for model, network in (("cnn_lesson", "lesson"), ("cnn_global", "global_pooling")):
        expected = [100 * value for value in shipped.shipped_curves(network)["horizontal"]]
        np.testing.assert_allclose(drawn[names[model]], expected, rtol=1e-9)
    assert drawn[names["cnn_global"]][4] > 90 > drawn[names["softmax"]][4] + 30   # the lesson's answer, at 4 pixels
    assert_no_errors(page)
    assert_charts_fit(page)
    full_page_screenshot(page, screenshot_dir / "convolution-answer-en.png")


def test_a_small_network_trains_live_and_its_filters_are_shown(new_page, base_url, screenshot_dir):
    page = new_page()
    open_app(page, base_url, f"{PATH}?section=train&filters=4&train=1000&view=weights", "en")
    expect(page.get_by_role("heading", name=t("conv_train_header", "en"))).to_be_visible(timeout=UI_TIMEOUT)
    page.get_by_role("button", name=t("run_start", "en"), exact=True).click()
    page.get_by_role("heading", name=t("final_title", "en")).wait_for(timeout=RUN_TIMEOUT)
    assert_no_errors(page)
    epoch = page.locator(MARKDOWN).or_(page.locator('[data-testid="stCaptionContainer"]')).filter(
        has_text=re.compile(r"s per epoch \(1,000 digits\)"))
    expect(epoch.first).to_be_visible(timeout=UI_TIMEOUT)
    filters = chart_z(page, "cnn_view_weights", 0)
    assert filters.shape == (5, 5 * 5 + 4 * 1), filters.shape          # a row of five 5×5 places, a pixel apart
    blocks = [filters[:, 6 * k:6 * k + 5] for k in range(5)]
    assert all(np.isfinite(block).all() for block in blocks[:4]) and np.isnan(blocks[4]).all()  # four filters
    assert np.nanmax(np.abs(filters)) > 0
    full_page_screenshot(page, screenshot_dir / "convolution-train-en.png")
