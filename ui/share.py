"""Teacher links: a page's settings from and to the URL, hidden controls, presenter mode, the share box.

``lesson.py`` calls :func:`apply_link` before the page runs (a link's settings become the
widgets' values, wrong ones are said and ignored), :func:`sync_link` after it (the URL
always shows the page's current settings, so copying it copies them) and
:func:`share_box` in the sidebar. A page wraps each setting's widget in :func:`control`,
which leaves it out when the link hides it.
"""

from __future__ import annotations

import functools
import io
from typing import Any, Callable
from urllib.parse import urlencode

import streamlit as st

from core import texts
from core.settings import links
from core.settings.pages import PAGE_SETTINGS
from ui.common import lang, tr

CURRENT_PAGE = "link_page"
WRITTEN = "link_written"  # the URLs this session wrote (the last few), never applied back as a new link
WRITTEN_KEPT = 30


def _params() -> dict[str, str]:
    return {key: st.query_params.get(key) for key in st.query_params}


def _settings(page: str) -> list[links.Setting]:
    return PAGE_SETTINGS.get(page, [])


def _signature(page: str, params: dict) -> tuple:
    return page, tuple(sorted(params.items()))


def presenting() -> bool:
    return links.presenting(_params())


def apply_link(page: str) -> None:
    """Set the widgets from a newly opened link's parameters; remember what was wrong in it."""
    st.session_state[CURRENT_PAGE] = page
    params = _params()
    signature = _signature(page, params)
    if st.session_state.get("link_signature") == signature or signature in st.session_state.get(WRITTEN, ()):
        # The URL shows what this session has, or had: a rerun sent by the browser before it
        # received the URL of the run before (a student pressing an arrow key on a slider several
        # times) carries an older URL this session wrote itself. Applying it would move the
        # slider back under the student's finger.
        return
    values, problems = links.read(_settings(page), params)
    for key, value in values.items():
        st.session_state[key] = value
    st.session_state["link_problems"] = problems
    st.session_state["link_signature"] = _signature(page, params)


def link_notices() -> None:
    """A page's first lines: what a link asked for that could not be applied."""
    for name, raw in st.session_state.get("link_problems", []):
        st.warning(tr("link_bad_value", name=name, value=raw), icon=":material/link_off:")


def hidden() -> set[str]:
    return links.hidden_names(_settings(st.session_state.get(CURRENT_PAGE, "")), _params())


def control(name: str, render: Callable[[], Any]) -> Any:
    """The widget of setting ``name`` (``render()``), or, when the link hides it, its value."""
    page = st.session_state.get(CURRENT_PAGE, "")
    if name not in hidden():
        return render()
    setting = next(s for s in _settings(page) if s.name == name)
    values, _ = links.read([setting], _params())
    if setting.key in values:
        return values[setting.key]
    return st.session_state.get(setting.key, links.default_of(setting, lang()))


def _current_values(page: str) -> dict[str, Any]:
    return {s.key: st.session_state.get(s.key) for s in _settings(page)}


def sync_link(page: str) -> None:
    """Write the page's current settings in the URL (defaults left out), keeping lang, hide and present."""
    params = _params()
    wanted = {key: value for key, value in params.items() if key in links.RESERVED}
    wanted.update(links.to_params(_settings(page), _current_values(page), lang()))
    if wanted != params:
        st.query_params.from_dict(wanted)
    signature = _signature(page, wanted)
    st.session_state["link_signature"] = signature
    written = st.session_state.setdefault(WRITTEN, [])
    if signature not in written:
        written.append(signature)
        del written[:-WRITTEN_KEPT]


def link_for(page: str, hide: list[str], present: bool) -> str:
    """The link to this page with its current settings, the hidden controls and presenter mode."""
    params = {"lang": lang()} if lang() != "fr" else {}
    params.update(links.to_params(_settings(page), _current_values(page), lang()))
    if hide:
        params[links.HIDE_PARAM] = ",".join(hide)
    if present:
        params[links.PRESENT_PARAM] = "1"
    base = st.context.url or ("/" + ("" if page == "home" else page))
    return base + ("?" + urlencode(params, safe=",") if params else "")


@functools.lru_cache(maxsize=256)
def qr_png(link: str) -> bytes:
    """The link's QR code as a PNG (the same link's code is drawn once: 4 % of the server's time
    went into redrawing it on every rerun of every page, in the 30-student load test)."""
    import segno

    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def share_box(page: str) -> None:
    """In the sidebar: the link to this page as it is set, what it hides, presenter mode, a QR code."""
    settings = _settings(page)
    with st.sidebar.expander(tr("share_title"), icon=":material/share:"):
        hide = []
        labels = {s.name: s.label for s in settings}
        language = lang()  # bound now: Streamlit may call format_func outside this run
        if settings:
            # one widget per page (each page has its own settings), starting from what the URL hides
            hide = st.multiselect(tr("share_hide"), [s.name for s in settings], default=sorted(hidden()),
                                  format_func=lambda name: texts.t(labels[name], language),
                                  key=f"share_hide_{page}", help=tr("share_hide_help"))
        present = st.toggle(tr("share_present"), value=presenting(), key="share_present",
                            help=tr("share_present_help"))
        link = link_for(page, hide, present)
        st.code(link, language=None, wrap_lines=True)
        st.caption(tr("share_copy"))
        # Drawn when asked for (shown at once in presenter mode): the box is built on every rerun of
        # every student's page, and each student's link differs (their own settings), so a code for
        # every one was 3 % of the server's Python time with a class of thirty (py-spy).
        if st.toggle(tr("share_show_qr"), value=presenting(), key="share_show_qr"):
            st.image(qr_png(link), caption=tr("share_qr"), width="stretch")
        if not presenting():
            st.button(tr("share_present_now"), icon=":material/slideshow:", on_click=_present_now,
                      key="share_present_now")
        else:
            st.button(tr("share_present_stop"), icon=":material/close_fullscreen:", on_click=_present_stop,
                      key="share_present_stop")


def _present_now() -> None:
    st.query_params[links.PRESENT_PARAM] = "1"


def _present_stop() -> None:
    st.query_params.pop(links.PRESENT_PARAM, None)
