"""What a French class sees in Chromium: formulas that fit a phone, a lesson run with the keyboard alone."""

from __future__ import annotations

import time

from core.texts import t

from .helpers import MAIN, assert_no_errors, full_page_screenshot, open_app, wait_for_app

PHONE = {"width": 390, "height": 844}

# Every KaTeX formula's box and the page's own width, in CSS pixels: what sticks out of a phone.
_FORMULAS_JS = """
() => ({
  width: document.documentElement.clientWidth,
  scroll: document.querySelector('[data-testid="stMain"]').scrollWidth,
  formulas: [...document.querySelectorAll('.katex-display')].map((formula) => {
    const box = formula.querySelector('.katex-html').getBoundingClientRect();  // the formula drawn, not its frame
    return {left: box.left, right: box.right, hidden: formula.scrollWidth - formula.clientWidth,
            text: formula.textContent.slice(0, 40)};
  }),
})
"""


def test_the_training_formulas_fit_a_phone(new_page, base_url, screenshot_dir):
    """On a 390-pixel-wide phone every formula of the training page is on screen, none cut at its edge."""
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    open_app(page, base_url, "/training")
    assert_no_errors(page)
    seen = page.evaluate(_FORMULAS_JS)
    full_page_screenshot(page, screenshot_dir / "french-training-phone-390.png")
    page.locator(".katex-display").first.screenshot(path=str(screenshot_dir / "french-training-phone-formula.png"))
    assert len(seen["formulas"]) >= 3, seen  # the model, its cost, the gradient step
    outside = [f for f in seen["formulas"]
               if f["left"] < -0.5 or f["right"] > seen["width"] + 0.5 or f["hidden"] > 1]
    assert outside == [], f"formulas wider than the {seen['width']}-pixel screen: {outside}"
    assert seen["scroll"] <= seen["width"], seen


RUN_TIMEOUT = 240_000

# Where the keyboard's focus is: the Streamlit element (its "st-key-..." class, from its key) that
# holds the focused element, and what the focused element is.
_FOCUS_JS = """
() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  const holder = focused.closest('[class*="st-key-"]');
  const key = holder ? [...holder.classList].find((c) => c.startsWith('st-key-')).slice(7) : null;
  const keys = [];  // every keyed element around it (a popover's button is inside its line's container)
  for (let around = holder; around; around = around.parentElement.closest('[class*="st-key-"]')) {
    keys.push([...around.classList].find((c) => c.startsWith('st-key-')).slice(7));
  }
  return {key, keys, tag: focused.tagName, role: focused.getAttribute('role'),
          value: focused.getAttribute('aria-valuetext'), text: (focused.innerText || '').trim().slice(0, 40)};
}
"""

# Every control a student may use on the page: what the keyboard must be able to reach.
_CONTROLS_JS = """
() => [...document.querySelectorAll('[class*="st-key-"]')]
  .filter((holder) => holder.querySelector(
    'button:not([disabled]), input:not([disabled]), textarea, select, [role="slider"], [role="radio"], [role="switch"]'))
  .filter((holder) => !holder.parentElement.closest('[class*="st-key-"]'))  // the outermost keyed element
  .filter((holder) => holder.checkVisibility({visibilityProperty: true})
                      && !holder.closest('details:not([open])'))  // a folded expander's: opened with Enter first
  .map((holder) => [...holder.classList].find((c) => c.startsWith('st-key-')).slice(7))
"""


def tab_to(page, key: str, limit: int = 150) -> dict:
    """Press Tab (only Tab) until the focus is in the element keyed ``key``; where the focus is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS_JS)
        if focus and focus["key"] == key:
            return focus
    raise AssertionError(f"{limit} presses of Tab never reached {key!r}")


def test_a_student_trains_the_ten_neuron_model_with_the_keyboard_alone(new_page, base_url, screenshot_dir):
    """Tab to a setting, change it with the arrow keys, Tab to Start, press Enter, read the result: no mouse."""
    page = new_page()
    open_app(page, base_url, "/training")
    # every control of the page is reached by Tab, in one round of the page
    reached, controls = set(), set(page.evaluate(_CONTROLS_JS))
    for _ in range(200):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS_JS)
        if focus and focus["key"]:
            reached.update(focus["keys"])
        if controls <= reached:
            break
    assert controls - reached == set(), f"controls the keyboard never reaches: {sorted(controls - reached)}"
    assert {"training_iterations", "softmax_start"} <= controls

    # a setting changed with the arrow keys: 10 000 iterations down to 1000 (a short run)
    page.locator("body").focus()
    focus = tab_to(page, "training_iterations")
    assert focus["value"] == "10\u202f000", focus  # the slider says its value as the page writes it
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
        wait_for_app(page)
    focus = page.evaluate(_FOCUS_JS)
    assert focus["key"] == "training_iterations" and focus["value"] == "1000", focus

    # Start, with the keyboard
    focus = tab_to(page, "softmax_start")
    assert focus["tag"] == "BUTTON" and focus["text"].splitlines()[-1] == t("run_start", "fr"), focus  # after its icon
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=t("final_title", "fr")).wait_for(timeout=RUN_TIMEOUT)
    wait_for_app(page)
    time.sleep(0.5)
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=t("final_test_accuracy", "fr")).first
    value = metric.locator('[data-testid="stMetricValue"]').inner_text()
    assert value.endswith("\u00a0%") and "," in value, value  # 88,15 % as French writes it
    assert 80 < float(value[:-2].replace(",", ".")) < 95, value
    assert page.get_by_text(f"1000 / 1000 {t('unit_iterations', 'fr')}").count() == 1
    assert_no_errors(page)
    page.locator(MAIN).evaluate("(main) => main.scrollTo(0, 0)")
    page.screenshot(path=str(screenshot_dir / "french-keyboard-run.png"))
    full_page_screenshot(page, screenshot_dir / "french-keyboard-run-full.png", wait=False)
