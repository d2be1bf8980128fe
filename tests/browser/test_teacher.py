"""The teacher's page in the real app: the server's readiness, a class created, a prepared question asked
in one click; and a "what the slide says" box once the server's measurement is in.

The server is the run's own (``base_url``): it computes the lesson's real models at start, so the
readiness list and the boxes are seen on their way and then filled in.
"""

from __future__ import annotations

import re

import pytest

from core.lesson import slides
from core.teacher import plan
from core.texts import families, t

from .helpers import (
    EXPANDER,
    MAIN,
    assert_no_errors,
    full_page_screenshot,
    open_app,
    require_playwright,
    title_text,
)

expect = require_playwright().expect

pytestmark = pytest.mark.browser

MODELS_TIMEOUT = 300_000  # ms: the lesson's models on a server that has just started (about 1.5 min on 2 cores)
UI_TIMEOUT = 30_000
CODE_PATTERN = re.compile(r"\?class=([A-Z0-9]{3}-[A-Z0-9]{3})")


def plain(text: str) -> str:
    """French no-break spaces as the DOM's text gives them: plain spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_the_teacher_page_readies_the_class_and_asks_a_prepared_question(page, base_url, screenshot_dir):
    open_app(page, base_url, "/teacher")
    assert plain(title_text(page)) == plain(t("teacher_title", "fr"))
    assert_no_errors(page)
    main = page.locator(MAIN)
    for name in plan.SERVER_WORK:                                          # one line per lesson model
        expect(main.get_by_text(plain(t(families.key("teacher_work_", name), "fr")), exact=True)).to_have_count(1)
    expect(main.get_by_text(plain(t("teacher_all_ready", "fr")))).to_be_visible(timeout=MODELS_TIMEOUT)

    main.get_by_role("button", name=t("teacher_create_class", "fr")).click()
    link = main.locator('[data-testid="stCode"]').filter(has_text="?class=")
    expect(link).to_have_count(1, timeout=UI_TIMEOUT)
    assert CODE_PATTERN.search(link.inner_text())
    expect(main.locator('[data-testid="stImage"] img')).to_have_count(1)   # the join link's QR code

    part = page.locator(".st-key-teacher_part_training")
    part.get_by_role("button", name=t("teacher_ask", "fr")).click()
    expect(part.get_by_text(plain(t("teacher_asked", "fr", count=0)))).to_be_visible(timeout=UI_TIMEOUT)
    expect(part.get_by_role("button", name=re.compile(re.escape(plain(t("teacher_reveal", "fr", value=""))[:10])))
           ).to_be_visible()
    assert_no_errors(page)
    full_page_screenshot(page, screenshot_dir / "teacher-fr.png")


def test_a_slide_box_shows_the_slides_number_beside_the_servers(page, base_url, screenshot_dir):
    open_app(page, base_url, "/training", "en")
    box = page.locator(EXPANDER).filter(has_text=t("slide_box_title", "en")).first
    expect(box).to_be_visible()
    expect(box.get_by_text(t("slide_label", "en", slide="Test"))).to_be_visible()
    measured = box.locator('[data-testid="stMetric"]').filter(has_text=t("slide_measured_label", "en")).first
    expect(measured.locator('[data-testid="stMetricValue"]')).to_have_text(re.compile(r"^\d+\.\d\d%$"),
                                                                         timeout=MODELS_TIMEOUT)
    values = box.locator('[data-testid="stMetricValue"]')
    expect(values).to_have_count(4)
    assert values.all_inner_texts()[2:] == [slides.format_count(60000, "en")] * 2  # the slide's and the data's
    assert_no_errors(page)
    box.screenshot(path=str(screenshot_dir / "slide-box-training-en.png"))
