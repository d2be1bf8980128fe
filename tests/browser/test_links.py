"""A teacher's link in the real browser: the page opens with its settings, hidden controls hidden,
the URL follows the widgets, presenter mode folds the sidebar."""

from __future__ import annotations

from core.texts import t

from .helpers import (
    EXPANDER,
    MAIN,
    SIDEBAR,
    assert_no_errors,
    full_page_screenshot,
    open_expander,
    query_param,
    rerun,
    title_text,
    wait_for_app,
)


def open_link(page, base_url: str, path_and_query: str) -> None:
    page.goto(base_url.rstrip("/") + path_and_query, wait_until="domcontentloaded")
    wait_for_app(page)


def slider_value(page, label: str) -> str:
    """The value shown above a slider's thumb, found by the slider's label."""
    widget = page.locator(f'{MAIN} [data-testid="stSlider"]', has_text=label)
    return widget.locator('[data-testid="stSliderThumbValue"]').inner_text().strip()


def test_a_shared_link_opens_the_page_with_its_settings_and_hides_controls(page, base_url, screenshot_dir):
    open_link(page, base_url, "/training?lang=en&lr=0.01&iter=2000&train=10000&hide=seed,lr")
    assert title_text(page) == t("training_title", "en")
    assert slider_value(page, t("set_iterations", "en")) == "2,000"    # written as the page writes numbers
    assert slider_value(page, t("set_train_size", "en")) == "10,000"
    main = page.locator(MAIN)
    assert main.get_by_text(t("set_learning_rate", "en"), exact=True).count() == 0   # hidden
    assert main.get_by_text(t("set_seed", "en"), exact=True).count() == 0
    assert main.get_by_text(t("set_batch_size", "en"), exact=True).count() == 1      # not hidden
    assert_no_errors(page)
    # the URL keeps the link's settings and what it hides
    assert query_param(page, "iter") == "2000" and query_param(page, "hide") == "seed,lr"
    # the share box gives the same link back
    open_expander(page, page.locator(f"{SIDEBAR} {EXPANDER}").filter(has_text=t("share_title", "en")))
    code_block = page.locator(f'{SIDEBAR} [data-testid="stCode"]')
    code_block.wait_for(state="visible")
    code = code_block.inner_text()
    assert "/training?lang=en&lr=0.01&iter=2000&train=10000&hide=lr,seed" in "".join(code.split())
    qr_code = page.locator(f'{SIDEBAR} [data-testid="stImage"] img')
    assert qr_code.count() == 0                                                     # drawn when asked for
    with rerun(page):                                                               # the toggle runs the script
        page.locator(SIDEBAR).get_by_text(t("share_show_qr", "en"), exact=True).click()
    qr_code.first.wait_for(state="visible")
    assert qr_code.count() == 1                                                     # the QR code
    full_page_screenshot(page, screenshot_dir / "link-training-hidden-controls.png")


def test_a_wrong_value_in_a_link_is_said_and_the_default_used(page, base_url):
    open_link(page, base_url, "/translation?lang=en&dx=99&digit=12")
    warning = page.locator(f'{MAIN} [data-testid="stAlert"]', has_text="dx = 99")
    assert warning.count() == 1
    assert slider_value(page, t("trans_dx", "en")) == "0"
    assert page.locator(f'{MAIN} input[type="number"]').first.input_value() == "12"
    assert_no_errors(page)


def test_presenter_mode_folds_the_sidebar_and_shows_one_chart_at_a_time(page, base_url, screenshot_dir):
    open_link(page, base_url, "/five-layers?present=1")
    assert title_text(page) == t("mlp_title", "fr")
    sidebar = page.locator(SIDEBAR)
    assert sidebar.get_attribute("data-collapsed") == "true"
    assert query_param(page, "view") == "accuracy"        # one chart at a time, written back in the URL
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-testid=\"stMain\"] h1')).fontSize)")
    assert size > 48          # 3.2 rem in presenter mode
    full_page_screenshot(page, screenshot_dir / "link-presenter-mode.png")
    open_link(page, base_url, "/five-layers")                # without it: sidebar open, six views
    assert page.locator(SIDEBAR).get_attribute("data-collapsed") == "false"
    assert query_param(page, "view") is None
