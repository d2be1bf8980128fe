"""The browser layer's set-up: the real app on a free loopback port, Debian's Chromium, screenshots.

- ``streamlit_server`` (session): ``python -m streamlit run app.py`` from the repository root,
  waited for on ``/_stcore/health``, and always killed (its whole process group) at the end.
  Every server the tests start uses the run's own empty database (``test_database``), never the
  working tree's ``var/``: each run computes the lesson's models as on a fresh clone.
- ``browser`` (session): Chromium from ``/usr/bin/chromium`` through Playwright's sync API;
  Playwright never downloads a browser here. Missing Chromium skips these tests, except in CI
  (``CI=true``) where it fails them.
- ``page``: a new tab per test (1600x1000), i.e. a new Streamlit session; ``new_page`` makes
  more, or other sizes (a phone).
- ``wait_for_app`` and the other DOM helpers live in ``helpers.py``.
- Every test in this folder is marked ``browser``; screenshots go to
  ``test-artifacts/screenshots/`` and the folder is printed at the end of the run.
"""

from __future__ import annotations

import atexit
import functools
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.app_server import AppServerError, start_app, stop_app  # noqa: E402

from .helpers import (  # noqa: E402
    PROTOCOL_SCRIPT,
    describe_runs,
    full_page_screenshot,
    open_app,
    protocol_log,
    require_playwright,
    safe_name,
    skip_or_fail,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
SERVER_LOG = ARTIFACTS / "streamlit-server.log"
DATABASE_ENV = "BOARD_DATABASE_URL"
STARTUP_TIMEOUT = 60.0
DESKTOP = {"width": 1600, "height": 1000}

_screenshots_taken = False
_CALL_REPORT = pytest.StashKey()


# ------------------------------------------------------------------ marking and reporting
def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.path)).resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[_CALL_REPORT] = report
    return report


def pytest_terminal_summary(terminalreporter):
    if _screenshots_taken:
        terminalreporter.write_sep("-", "browser tests")
        terminalreporter.write_line(f"browser screenshots: {SCREENSHOTS}")


# ------------------------------------------------------------------------ the app server
@contextmanager
def run_streamlit(database_url: str, log_path: Path = SERVER_LOG):
    """The app served on a free loopback port; yields its base URL; always stopped after.

    ``database_url`` is its class board's database (``BOARD_DATABASE_URL``), where the server
    also keeps the lesson's finished models and reads them back (``core/training/results.py``): never the
    working tree's ``var/class_board.sqlite3``, so that no run depends on what an earlier run, or
    the developer's own server, left there (its models ready at once, or half computed).
    """
    saved = os.environ.get(DATABASE_ENV)
    os.environ[DATABASE_ENV] = database_url  # start_app passes the test process's environment on
    try:
        process, base_url = start_app(log_path, STARTUP_TIMEOUT)
    except AppServerError as error:
        pytest.fail(str(error), pytrace=False)
    finally:
        if saved is None:
            os.environ.pop(DATABASE_ENV, None)
        else:
            os.environ[DATABASE_ENV] = saved
    stop = functools.partial(stop_app, process)
    atexit.register(stop)  # belt and braces if the interpreter exits without unwinding
    try:
        yield base_url
    finally:
        stop()
        atexit.unregister(stop)


@pytest.fixture(scope="session")
def test_database(tmp_path_factory) -> str:
    """The run's own class-board database (SQLite in a temporary folder), empty at the start.

    Every server of the run uses it unless a test gives its own (``test_board.py``): the lesson's
    models that one server finishes (its warm-up) the others read back, as on a school's servers.
    """
    return f"sqlite:///{tmp_path_factory.mktemp('board') / 'board.sqlite3'}"


@pytest.fixture(scope="session")
def streamlit_server(chromium, test_database):
    """Base URL of the real app, started once for the whole run (after Chromium is found)."""
    with run_streamlit(test_database) as base_url:
        yield base_url


# ----------------------------------------------------------------------------- Chromium
@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium, or a skip (a failure in CI, where these tests must run)."""
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing (as root: apt-get install chromium)")
    require_playwright()
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium):
    playwright = require_playwright().sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(chromium), headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def base_url(streamlit_server, desktop_context) -> str:
    """The served app, once a first visitor has opened the home page.

    That first visit pays for loading MNIST into the server, so no test's timing depends on
    running first. (What a first visitor on a deep link sees is checked on a server of its
    own: ``test_pages.py::test_first_visitor_on_a_deep_link``.)
    """
    page = desktop_context.new_page()
    try:
        open_app(page, streamlit_server, "/")
    finally:
        page.close()
    return streamlit_server


@pytest.fixture
def fresh_streamlit_server(chromium, test_database):
    """Base URL of a brand-new server of its own, which no browser has visited yet."""
    with run_streamlit(test_database, ARTIFACTS / "streamlit-server-fresh.log") as base_url:
        yield base_url


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """``test-artifacts/screenshots/`` at the repository root, emptied of the last run's PNGs and logs."""
    global _screenshots_taken
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in [*SCREENSHOTS.glob("*.png"), *SCREENSHOTS.glob("FAILED-*.txt")]:
        old.unlink(missing_ok=True)
    _screenshots_taken = True
    return SCREENSHOTS


@pytest.fixture(scope="session")
def desktop_context(browser):
    """One desktop-sized (1600x1000) browser context for the run.

    Each test still gets a new tab, hence a new Streamlit session; sharing the context only
    shares the browser's cache of the app's JavaScript, which saves a second or so per page.
    """
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(PROTOCOL_SCRIPT)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def new_page(browser, desktop_context, screenshot_dir, request):
    """Factory: a new tab (a new Streamlit session), desktop-sized unless told otherwise.

    ``new_page()`` opens a tab in the shared desktop context; ``new_page(viewport=..., **options)``
    opens one in a context of its own with those Playwright options (phone size, touch...).
    If the test fails, each tab it opened is photographed as ``FAILED-<test>-<n>.png``, and what
    it and the server said about runs (``helpers.PROTOCOL_SCRIPT``) is kept in ``FAILED-<test>-<n>.txt``.
    """
    pages, own_contexts = [], []

    def make(viewport: dict | None = None, **options):
        if viewport is None and not options:
            page = desktop_context.new_page()
        else:
            context = browser.new_context(viewport=viewport or DESKTOP, **options)
            context.add_init_script(PROTOCOL_SCRIPT)
            own_contexts.append(context)
            page = context.new_page()
        page.set_default_timeout(30_000)
        pages.append(page)
        return page

    yield make

    report = request.node.stash.get(_CALL_REPORT, None)
    try:
        for index, page in enumerate(pages):
            if report is not None and report.failed and not page.is_closed():
                name = f"FAILED-{safe_name(request.node.name)}-{index}"
                try:
                    (screenshot_dir / f"{name}.txt").write_text(
                        f"{page.url}\nruns (seconds since the tab opened):\n{describe_runs(protocol_log(page), last=None)}\n")
                    full_page_screenshot(page, screenshot_dir / f"{name}.png", wait=False)
                except Exception:  # the shot is a courtesy; the failure is already reported
                    pass
    finally:
        for page in pages:
            if not page.is_closed():
                page.close()
        for context in own_contexts:
            context.close()


@pytest.fixture
def page(new_page):
    """A fresh desktop-sized tab (1600x1000)."""
    return new_page()
