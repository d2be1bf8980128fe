"""Driving a Streamlit page in Chromium: opening it, waiting for it, reading it, photographing it.

The selectors below were read from the DOM of Streamlit 1.67 (not guessed):

- ``[data-testid="stApp"]`` carries ``data-test-script-state`` ("initial", "running",
  "rerunRequested", "notRunning", "compilationError", ...) and ``data-test-connection-state``
  ("CONNECTED" once the websocket is up). The script state is React state: a run of a few
  milliseconds may never show "running" in the DOM, so whether a run happened, and whether the
  last one is over, is read from the websocket's messages instead (``PROTOCOL_SCRIPT``).
- ``[data-testid="stStatusWidget"]`` is mounted in the header only while a run has lasted
  more than 500 ms (the "Running... / Stop" widget), when the connection is lost, or when a
  source file changed; it is absent when the app is idle.
- Elements from the previous run get ``data-stale="true"`` until the new run replaces them;
  lazily loaded elements (Plotly, dataframes) show a ``[data-testid="stSkeleton"]`` first.
- A Plotly chart is ``[data-testid="stPlotlyChart"]`` wrapping ``.js-plotly-plot``, drawn once
  its ``svg.main-svg`` exists.
- An uncaught exception is ``[data-testid="stException"]``; ``st.error`` is a
  ``[data-testid="stAlert"]`` holding ``[data-testid="stAlertContentError"]`` (``st.success``:
  ``stAlertContentSuccess``, ``st.info``: ``stAlertContentInfo``).
- The page scrolls inside ``main[data-testid="stMain"]``, not the window, so Playwright's
  ``full_page=True`` alone only captures the viewport.

Pages that watch shared trainings (``st.fragment(run_every=...)``) are never idle for long: the
server runs the fragment again every few tenths of a second. ``wait_for_app`` then returns at the
first quiet moment (the last run started has ended, and the DOM shows it), which is what a
visitor sees once the page has loaded.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page


APP = '[data-testid="stApp"]'
MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'
TITLE = f"{MAIN} h1"
EXCEPTION = '[data-testid="stException"]'
ERROR_ALERT = '[data-testid="stAlert"]:has([data-testid="stAlertContentError"])'
SUCCESS_ALERT = '[data-testid="stAlert"]:has([data-testid="stAlertContentSuccess"])'
INFO_ALERT = '[data-testid="stAlert"]:has([data-testid="stAlertContentInfo"])'
CAPTION = f'{MAIN} [data-testid="stCaptionContainer"]'
PLOTLY_CHART = '[data-testid="stPlotlyChart"]'
NAV_LINK = '[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]'
EXPANDER = '[data-testid="stExpander"]'

# How a language is asked for in the URL (README: "English: http://localhost:8501/?lang=en").
LANG_PARAM = "lang"

# What this tab and the server say to each other, in Streamlit's own protocol (the websocket's
# protobuf messages, read in the page): every run the server starts and ends, and every run the
# browser asks for. Installed before any page script, so nothing is missed.
#
# Not the DOM: stApp's data-test-script-state is React state, and a run that takes a few
# milliseconds (a fragment whose charts the server already holds) has its start and its end
# rendered in one commit, so "running" never reaches the DOM and a counter watching it misses
# the run (measured: 1 Next click in 12 on the convolution stepper, the second time a tab
# visits the same positions).
#
# window.__stLog: one entry per event, {kind, id, fragment, status, t}:
#   "ask"     the browser asked for a run for a student's action (BackMsg.rerun_script),
#   "tick"    ... for a fragment's run_every timer (ClientState.is_auto_rerun),
#   "start"   the server started run ``id`` (ForwardMsg.new_session; ``fragment``: a fragment run),
#   "end"     run ``id`` finished (ForwardMsg.script_finished: 0 success, 1 compile error,
#             3 fragment success),
#   "stopped" run ``id`` was stopped for another run (script_finished 2); another "start" follows.
# window.__stRuns: how many runs the server started for this tab.
PROTOCOL_SCRIPT = r"""
(() => {
  window.__stRuns = 0;
  window.__stLog = [];
  const varint = (bytes, at) => {
    let value = 0, scale = 1, byte;
    do { byte = bytes[at.i++]; value += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
    return value;
  };
  const fields = (bytes) => {  // one protobuf message's fields: number -> [varint or bytes]
    const found = new Map(), at = {i: 0};
    while (at.i < bytes.length) {
      const tag = varint(bytes, at), number = Math.floor(tag / 8), wire = tag % 8;
      let value;
      if (wire === 0) value = varint(bytes, at);
      else if (wire === 2) { const size = varint(bytes, at); value = bytes.subarray(at.i, at.i + size); at.i += size; }
      else if (wire === 1) { at.i += 8; continue; }
      else if (wire === 5) { at.i += 4; continue; }
      else break;  // (groups: not in Streamlit's protocol)
      if (!found.has(number)) found.set(number, []);
      found.get(number).push(value);
    }
    return found;
  };
  const run = (message) => {  // ForwardMsg.metadata (2) .run (6): script_run_id (1), fragment_ids (2)
    const metadata = message.get(2), identity = metadata && fields(metadata[0]).get(6);
    const parts = identity ? fields(identity[0]) : new Map();
    return {id: parts.has(1) ? new TextDecoder().decode(parts.get(1)[0]) : null, fragment: parts.has(2)};
  };
  const note = (entry) => { entry.t = Math.round(performance.now()); window.__stLog.push(entry); };
  const received = (data) => {
    if (!(data instanceof ArrayBuffer)) return;
    const message = fields(new Uint8Array(data));
    if (message.has(4)) {          // ForwardMsg.new_session
      window.__stRuns += 1;
      note({kind: 'start', ...run(message)});
    } else if (message.has(6)) {   // ForwardMsg.script_finished
      const status = message.get(6)[0];
      note({kind: status === 2 ? 'stopped' : 'end', status, ...run(message)});
    }
  };
  const sent = (data) => {
    const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
    const message = bytes && fields(bytes);
    if (!message || !message.has(11)) return;  // BackMsg.rerun_script: a ClientState
    const state = fields(message.get(11)[0]);
    note({kind: state.has(6) && state.get(6)[0] ? 'tick' : 'ask',            // is_auto_rerun (6)
          fragment: state.has(5) && state.get(5)[0].length > 0});            // fragment_id (5)
  };
  // The last run started since log index `since` has ended (not merely been stopped for another).
  // (The server may repeat a run's new_session: its end counts from the run's first start.)
  window.__stQuiet = (since = 0) => {
    const log = window.__stLog;
    for (let i = log.length - 1; i >= since; i--) {
      if (log[i].kind !== 'start') continue;
      const id = log[i].id;
      const first = id === null ? i : log.findIndex((e) => e.kind === 'start' && e.id === id);
      return log.slice(first + 1).some((e) => e.kind === 'end' && e.id === id);
    }
    return false;
  };
  // The browser asked for a run since log index `mark`, and the runs since its last such ask are over.
  window.__stAnswered = (mark) => {
    const log = window.__stLog;
    for (let i = log.length - 1; i >= mark; i--) {
      if (log[i].kind === 'ask') return window.__stQuiet(i);
    }
    return false;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => { try { received(event.data); } catch (e) {} });
    }
    send(data) {
      try { sent(data); } catch (e) {}
      return super.send(data);
    }
  };
})();
"""

# True when the app has finished a run and everything it sent is on screen.
_IDLE_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  const state = app.getAttribute('data-test-script-state');
  if (state !== 'notRunning' && state !== 'compilationError') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (window.__stQuiet && !window.__stQuiet()) return false;  // a run the DOM does not show yet
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.js-plotly-plot svg.main-svg')) return false;
  }
  return true;
}
"""


def skip_or_fail(why: str) -> None:
    """Skip the browser tests for a missing tool, except in CI (CI=true), where they must run."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"the browser tests must run in CI, but {why}", pytrace=False)
    pytest.skip(f"browser tests skipped: {why}", allow_module_level=True)


def require_playwright():
    """``playwright.sync_api``, or a skip (a failure in CI) when the package is missing."""
    try:
        import playwright.sync_api
    except ImportError:
        skip_or_fail("the playwright package is missing (pip install -r requirements-dev.txt)")
    return playwright.sync_api


def app_url(base_url: str, path: str = "/", lang: str | None = None) -> str:
    """``base_url + path``, with ``?lang=<lang>`` when a language other than the default is asked."""
    url = base_url.rstrip("/") + path
    separator = "&" if "?" in path else "?"
    return f"{url}{separator}{urlencode({LANG_PARAM: lang})}" if lang and lang != "fr" else url


def query_param(page: Page, name: str) -> str | None:
    values = parse_qs(urlsplit(page.url).query).get(name)
    return values[-1] if values else None


def wait_for_app(page: Page, timeout: float = 60_000, settle: float = 0.2) -> None:
    """Wait until the Streamlit app in ``page`` has finished rendering.

    The last run the server started for this tab has ended (``PROTOCOL_SCRIPT``), and stApp is
    present, script not running, connected, no status widget, nothing stale, no skeleton, every
    Plotly chart drawn; then a short settle and the same check again, so a run that starts right
    after the first check is waited for too.
    """
    page.wait_for_selector(APP, state="attached", timeout=timeout)
    page.wait_for_function(_IDLE_JS, timeout=timeout, polling=100)
    time.sleep(settle)
    page.wait_for_function(_IDLE_JS, timeout=timeout, polling=100)


def run_count(page: Page) -> int:
    """How many runs (full or fragment) the server has started for this tab."""
    return int(page.evaluate("window.__stRuns || 0"))


def protocol_log(page: Page, since: int = 0) -> list[dict]:
    """What the tab and the server said about runs since log entry ``since`` (see PROTOCOL_SCRIPT)."""
    return page.evaluate("(since) => (window.__stLog || []).slice(since)", since)


def describe_runs(log: list[dict], last: int | None = 40) -> str:
    """The log (its ``last`` entries; None: all), one short line per event, for a failure's message."""
    lines = []
    for entry in log[-last:] if last else log:
        what = entry["kind"] + (" (fragment)" if entry.get("fragment") else "")
        if entry.get("id"):
            what += f" run {entry['id'][:8]}"
        if entry["kind"] == "end":
            what += f" status {entry.get('status')}"
        lines.append(f"  {entry.get('t', 0) / 1000:8.3f} s  {what}")
    return "\n".join(lines) or "  (nothing)"


@contextlib.contextmanager
def rerun(page: Page, timeout: float = 60_000):
    """Wrap an action that makes the script run again; return once that run is on screen.

    Waits, in Streamlit's protocol, for the browser to ask for a run (the action reached it), for
    the server to start one after that and for the last run started to end; then for the DOM to be
    idle. Without this, an idle check right after a click can pass *before* the browser has even
    told the server about the click.
    """
    mark = int(page.evaluate("(window.__stLog || []).length"))
    yield
    try:
        page.wait_for_function("(mark) => window.__stAnswered(mark)", arg=mark, timeout=timeout, polling=50)
    except Exception as error:
        if "Timeout" not in type(error).__name__:
            raise
        log = protocol_log(page, mark)
        asked = any(entry["kind"] == "ask" for entry in log)
        raise AssertionError(
            ("the run the action asked for did not end" if asked else "the action never asked the server for a run")
            + f" within {timeout / 1000:.0f} s; runs since the action:\n{describe_runs(log)}") from None
    wait_for_app(page, timeout=timeout)


def open_expander(page: Page, expander) -> None:
    """Open the collapsed ``st.expander`` ``expander`` (a Locator) by clicking its header, as a
    student does, and wait until it has finished opening (opening one runs no script).

    Streamlit 1.67 animates the opening: the content's height grows for 500 ms (Web Animations,
    an ease-out curve, so most of the way at once and the last pixels slowly), pushing down what
    is below it and moving the sidebar's scroll. A click inside the expander before the end is
    aimed where the target was a moment earlier: measured on the share box, 3 clicks in 15 on its
    QR code toggle landed in the expander's empty space and toggled nothing.
    """
    expander.locator("summary").first.click()
    page.wait_for_function(
        """(box) => box.querySelector('details[open]') !== null
                    && box.getAnimations({subtree: true}).every((a) => a.playState !== 'running')""",
        arg=expander.element_handle(), polling=50)


def open_app(page: Page, base_url: str, path: str = "/", lang: str | None = None) -> None:
    """Open ``path`` (in ``lang`` through the URL) as a new visitor and wait for the page."""
    page.goto(app_url(base_url, path, lang), wait_until="domcontentloaded")
    wait_for_app(page)


def title_text(page: Page) -> str | None:
    """The page's ``st.title`` (its first h1), whitespace normalised; None if it has none.

    Read without waiting: call it once the page is idle (``open_app``, ``rerun``).
    """
    titles = page.locator(TITLE).all_inner_texts()
    # ASCII whitespace only: French typography's no-break spaces (U+00A0, U+202F) are part of the title
    return re.sub(r"[ \t\r\n]+", " ", titles[0]).strip() if titles else None


def nav_link(page: Page, path: str):
    """The sidebar navigation link to ``path`` (e.g. "/training"), matched on its URL path."""
    index = page.evaluate(
        """([selector, path]) => [...document.querySelectorAll(selector)]
             .findIndex((link) => new URL(link.href).pathname === path)""",
        [NAV_LINK, path],
    )
    assert index >= 0, f"no sidebar link to {path}; links: {nav_paths(page)}"
    return page.locator(NAV_LINK).nth(index)


def nav_paths(page: Page) -> list[str]:
    """The URL paths of the sidebar navigation links, in order."""
    return page.evaluate(
        "(selector) => [...document.querySelectorAll(selector)].map((link) => new URL(link.href).pathname)",
        NAV_LINK,
    )


def exception_texts(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(EXCEPTION).all_inner_texts()]


def error_texts(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(ERROR_ALERT).all_inner_texts()]


def assert_no_errors(page: Page) -> None:
    """No uncaught exception and no ``st.error`` on the page (their texts in the failure)."""
    exceptions = exception_texts(page)
    assert not exceptions, f"exception on {page.url}:\n" + "\n---\n".join(exceptions)
    errors = error_texts(page)
    assert not errors, f"error alert on {page.url}:\n" + "\n---\n".join(errors)


class ChartLayoutError(AssertionError):
    """A Plotly chart's tick labels or axis titles stick out of it or overlap each other."""


# Every Plotly chart's tick labels and axis titles must lie inside the chart's SVG, and an axis
# title must not sit on that axis's tick labels (what Plotly's automargin normally ensures).
_CHART_LAYOUT_JS = """
() => {
  const problems = [];
  const inside = (r, box) => r.left >= box.left - 1 && r.right <= box.right + 1
                          && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  const overlap = (a, b) => a.left < b.right - 1 && a.right > b.left + 1
                         && a.top < b.bottom - 1 && a.bottom > b.top + 1;
  document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach((chart, index) => {
    const svg = chart.querySelector('.js-plotly-plot svg.main-svg');
    if (!svg) return;
    const holder = chart.closest('[class*="st-key-"]');
    const key = holder ? [...holder.classList].find((c) => c.startsWith('st-key-')).slice(7) : '';
    const name = key ? `chart "${key}"` : `chart #${index + 1}`;
    const box = svg.getBoundingClientRect();
    const texts = (selector) => [...chart.querySelectorAll(selector)]
      .map((e) => [e.textContent.trim(), e.getBoundingClientRect()])
      .filter(([text, r]) => text && r.width > 0 && r.height > 0);
    for (const [text, r] of texts('.xtick text, .ytick text, .g-xtitle text, .g-ytitle text')) {
      if (!inside(r, box)) problems.push(`${name}: "${text}" sticks out of the chart`);
    }
    for (const axis of ['x', 'y']) {
      for (const [title, t] of texts(`.g-${axis}title text`)) {
        for (const [tick, r] of texts(`.${axis}tick text`)) {
          if (overlap(t, r)) problems.push(`${name}: axis title "${title}" overlaps tick "${tick}"`);
        }
      }
    }
  });
  return problems;
}
"""


def chart_layout_problems(page: Page) -> list[str]:
    return page.evaluate(_CHART_LAYOUT_JS)


def assert_charts_fit(page: Page) -> None:
    """Every chart's tick labels and axis titles are inside it and clear of each other."""
    problems = chart_layout_problems(page)
    if problems:
        shown = "\n".join(problems[:10]) + (f"\n... and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise ChartLayoutError(f"{page.url}: {len(problems)} chart label problem(s):\n{shown}")


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "page"


def full_page_screenshot(page: Page, path: Path, max_height: int = 20_000, wait: bool = True) -> Path:
    """A PNG of the whole page, including what scrolls inside ``stMain``.

    The viewport is stretched to the content's height for the shot, then put back; with
    ``wait`` the app is first allowed to re-render at that size.
    """
    size = page.viewport_size or {"width": 1600, "height": 1000}
    height = page.evaluate(
        """() => Math.max(window.innerHeight,
             ...['[data-testid="stMain"]', '[data-testid="stSidebarContent"]']
                 .map((s) => document.querySelector(s)).filter(Boolean).map((e) => e.scrollHeight))"""
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if height > size["height"]:
            page.set_viewport_size({"width": size["width"], "height": min(int(height), max_height)})
            if wait:
                wait_for_app(page, settle=0.1)
            else:
                time.sleep(0.3)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    return path
