"""The real app in headless Chromium: every page in both languages, the softmax calculator,
the digit grid, the language switch across pages, a phone-sized screen.

Expected texts come from ``core.texts`` so that a rewording does not break the tests, while a
page showing the wrong language (or the wrong page) does.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from streamlit import file_util

from core.numbers import format_vector
from core.texts import LANGUAGE_NAMES, TEXTS, t
from ui import frontend_files

from .helpers import (
    CAPTION,
    ERROR_ALERT,
    EXCEPTION,
    PLOTLY_CHART,
    SIDEBAR,
    SUCCESS_ALERT,
    assert_charts_fit,
    assert_no_errors,
    exception_texts,
    full_page_screenshot,
    nav_link,
    nav_paths,
    open_app,
    query_param,
    require_playwright,
    rerun,
    title_text,
)

expect = require_playwright().expect

# (page, URL path, key of its st.title in core.texts once built), in the lesson's order.
# While a page is a "coming soon" placeholder its heading is its navigation title, page_<name>;
# None: not built yet (a failing test says which key the new heading matches).
PAGES = [
    ("home", "/", "home_title"),
    ("softmax", "/softmax", "softmax_title"),
    ("training", "/training", "training_title"),
    ("five_layers", "/five-layers", "mlp_title"),
    ("overfitting", "/overfitting", "overfit_title"),
    ("translation", "/translation", "trans_title"),
    ("convolution", "/convolution", "conv_title"),
    ("board", "/board", "board_title"),
    ("teacher", "/teacher", "teacher_title"),
]

LANGS = ["fr", "en"]

def assert_title(page, key: str, lang: str) -> None:
    """The page's st.title is ``t(key, lang)``; otherwise say which text key it matches."""
    shown, expected = title_text(page), t(key, lang)
    # French no-break spaces (before : ; ! ?) come out of the DOM's text as plain spaces
    plain = {ord("\u00a0"): " ", ord("\u202f"): " "}
    if (shown or "").translate(plain) != expected.translate(plain):
        matches = [(k, lg) for k, texts in TEXTS.items() for lg, text in texts.items() if text == shown]
        pytest.fail(f"{page.url}: heading {shown!r}, expected {expected!r} ({key!r}, {lang}); "
                    f"the heading is the text of {matches or 'no key'} in core.texts", pytrace=False)


def assert_page_title(page, name: str, built_key: str, lang: str) -> None:
    """The heading of page ``name``: its own title (every page is built: no placeholder is left)."""
    assert_title(page, built_key, lang)


def _switch_language(page, lang: str) -> None:
    with rerun(page):
        page.locator(SIDEBAR).get_by_role("radio", name=LANGUAGE_NAMES[lang], exact=True).click()


def _navigate(page, path: str) -> None:
    """Follow the sidebar's link to ``path`` (a page switch inside the same session)."""
    with rerun(page):
        nav_link(page, path).click()
    assert urlsplit(page.url).path == path


# ------------------------------------------------------------------------------ home page
@pytest.mark.parametrize("lang", LANGS)
def test_home_other_digits_draws_new_digits(page, base_url, lang):
    open_app(page, base_url, "/", lang)
    assert_title(page, "home_title", lang)

    chart = page.locator(PLOTLY_CHART)
    expect(chart).to_have_count(1)
    image = chart.locator("image").first  # the 10x10 digit grid, one PNG data URI
    labels = chart.locator(".textpoint text")  # one caption (the label) above each digit, one text trace

    def captions() -> list[str]:  # SVG text has no innerText
        return labels.evaluate_all("(texts) => texts.map((text) => text.textContent)")

    before_image, before_labels = image.get_attribute("href"), captions()
    assert before_image and before_image.startswith("data:image/png")
    assert len(before_labels) == 100 and all(label in list("0123456789") for label in before_labels)

    with rerun(page):  # (the button's accessible name also holds its icon's name)
        page.get_by_role("button").filter(has_text=t("home_other_digits", lang)).click()

    assert_no_errors(page)
    assert image.get_attribute("href") != before_image, "the grid's image did not change"
    assert captions() != before_labels, "the grid's labels did not change"


def test_a_first_visit_gets_streamlit_s_files_compressed_from_memory(browser, base_url):
    """ui/frontend_files.py in the real server: every script of the page, Plotly's bundle included,
    reaches a new visitor gzip-compressed (Streamlit alone sends them as they are)."""
    context = browser.new_context()  # an empty cache: everything is fetched
    try:
        page = context.new_page()
        scripts = {}
        page.on("response", lambda response: scripts.setdefault(
            urlsplit(response.url).path, (response.status, response.headers.get("content-encoding")))
            if "/static/js/" in response.url else None)
        open_app(page, base_url, "/", "en")
        expect(page.locator(PLOTLY_CHART)).to_have_count(1)
        assert_no_errors(page)
    finally:
        context.close()
    static = Path(file_util.get_static_dir())
    large = {path for path in scripts
             if (static / path.removeprefix("/")).stat().st_size >= frontend_files.SMALLEST_COMPRESSED}
    assert any("PlotlyChart" in path for path in large) and len(large) >= 5, sorted(large)
    assert {path: answer for path, answer in scripts.items()
            if answer != ((200, "gzip") if path in large else (200, None))} == {}


# --------------------------------------------------------------------------- softmax page
@pytest.mark.parametrize("lang", LANGS)
def test_softmax_calculator(page, base_url, lang):
    open_app(page, base_url, "/softmax", lang)
    assert_title(page, "softmax_title", lang)
    assert_no_errors(page)
    success = page.locator(SUCCESS_ALERT)
    expect(success).to_have_count(1)
    assert ("0,60" if lang == "fr" else "0.60") in success.inner_text()
    z_chart = page.locator(PLOTLY_CHART).first
    expect(z_chart.locator(".point")).to_have_count(6)

    field = page.get_by_role("textbox", name=t("softmax_vector_label", lang), exact=True)

    # A new vector: read back as typed, drawn, and no longer the lesson's example.
    new_vector = format_vector([0, 0, 0, 10], None, lang)
    with rerun(page):
        field.fill("0; 0; 0; 10")
        field.press("Enter")
    assert_no_errors(page)
    expect(success).to_have_count(0)
    assert t("softmax_read_as", lang, vector=new_vector) in page.locator(CAPTION).all_inner_texts()
    expect(z_chart.locator(".point")).to_have_count(4)

    # Bad input: a clear message naming the bad token, the last valid vector kept, no crash.
    with rerun(page):
        field.fill("1; abc")
        field.press("Enter")
    assert not exception_texts(page), exception_texts(page)
    errors = page.locator(ERROR_ALERT)
    expect(errors).to_have_count(1)
    assert t("vector_not_a_number", lang, token="abc") in errors.inner_text()
    assert t("softmax_kept_last", lang, vector=new_vector) in page.locator(CAPTION).all_inner_texts()
    expect(z_chart.locator(".point")).to_have_count(4)
    expect(page.locator(EXCEPTION)).to_have_count(0)


# ------------------------------------------------------------------------ language switch
def test_language_switch_from_an_english_link(page, base_url):
    open_app(page, base_url, "/softmax", "en")
    assert_title(page, "softmax_title", "en")

    _switch_language(page, "fr")
    assert_title(page, "softmax_title", "fr")
    assert query_param(page, "lang") is None  # French is the default: a clean URL
    _navigate(page, "/")
    assert_title(page, "home_title", "fr")

    # ... and back: the URL takes the lesson's form again (?lang=en), so a copied link keeps
    # English (opening such a link is what the other tests do).
    _switch_language(page, "en")
    assert_title(page, "home_title", "en")
    assert query_param(page, "lang") == "en"
    assert_no_errors(page)


def test_english_link_is_kept_by_the_sidebar_navigation(page, base_url):
    open_app(page, base_url, "/", "en")
    assert_title(page, "home_title", "en")

    _navigate(page, "/softmax")
    assert_title(page, "softmax_title", "en")
    assert query_param(page, "lang") == "en"
    assert_no_errors(page)


# ------------------------------------------------------------------------------ a phone
def test_softmax_on_a_phone(new_page, base_url, screenshot_dir):
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    open_app(page, base_url, "/softmax")
    full_page_screenshot(page, screenshot_dir / "softmax-fr-phone.png")

    assert_no_errors(page)
    assert_title(page, "softmax_title", "fr")
    widths = page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]');
        return [document.documentElement.scrollWidth, main.scrollWidth, main.clientWidth];
    }""")
    assert widths[0] <= 390 and widths[1] <= widths[2], f"the page scrolls sideways: {widths}"
    assert_charts_fit(page)


# ------------------------------------------------------------- a fresh server, a deep link
def test_first_visitor_on_a_deep_link(fresh_streamlit_server, new_page, screenshot_dir):
    """The first visitor after a (re)start arrives through a shared link to a page, not /.

    Regression: while the pages lived in a folder named ``pages/``, Streamlit started in its
    legacy multipage mode and ran that page's script without ``app.py`` (no language switch,
    no page config, a navigation listing "app, home, softmax, five layers...") for that visitor
    and every later one, until someone opened ``/``.
    (The server fixture comes first so that it outlives the tab at teardown.)
    """
    name, path, title_key = PAGES[-1]
    page = new_page()
    open_app(page, fresh_streamlit_server, path)
    full_page_screenshot(page, screenshot_dir / f"{name}-fr-first-visitor.png")

    assert_no_errors(page)
    assert_page_title(page, name, title_key, "fr")
    assert nav_paths(page) == [path for _, path, _ in PAGES]
    switch = page.locator(SIDEBAR).get_by_role("radio", name=LANGUAGE_NAMES["en"], exact=True)
    expect(switch).to_have_count(1)


# ---------------------------------------------------------------- every page, both languages
# Last in the file on purpose: the "Limites" pages start shared trainings in the server, which
# keep a core busy for a while after their tab closes (runs stop 20 s after the last viewer).
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "path", "title_key"), PAGES, ids=[name for name, _, _ in PAGES])
def test_page_renders(page, base_url, screenshot_dir, name, path, title_key, lang):
    open_app(page, base_url, path, lang)
    full_page_screenshot(page, screenshot_dir / f"{name}-{lang}.png")

    assert_no_errors(page)
    assert_page_title(page, name, title_key, lang)
    # Regression: figures built without Plotly's template once lost their automatic margins,
    # cutting tick labels ("0.8" shown as "8") and laying axis titles over them.
    assert_charts_fit(page)
