"""Teacher links: a page's settings from and to the URL, hidden controls, presenter mode, the share box.

``lesson.py`` calls :func:`apply_link` before the page runs (a link's settings become the
widgets' values, wrong ones are said and ignored), :func:`sync_link` after it (the URL
always shows the page's current settings, so copying it copies them) and
:func:`share_box` in the sidebar. The page's widgets (``ui.settings``) leave out those the
link hides.
"""

from __future__ import annotations

import functools
import io
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from core import texts
from core.settings import links
from core.settings.fields import SettingProblem
from core.settings.pages import entries
from ui.common import context, lang, link_params, presenting, tr

CURRENT_PAGE = "link_page"
WRITTEN = "link_written"  # the URLs this session wrote (the last few), never applied back as a new link
WRITTEN_KEPT = 30


def current_page() -> str:
    """The url path of the page this session is running (set before the page runs)."""
    return st.session_state.get(CURRENT_PAGE, "")


def _signature(page: str, params: dict) -> tuple:
    return page, tuple(sorted(params.items()))


def apply_link(page: str) -> None:
    """Set the widgets from a newly opened link's parameters; remember what was wrong in it."""
    st.session_state[CURRENT_PAGE] = page
    params = link_params()
    signature = _signature(page, params)
    if st.session_state.get("link_signature") == signature or signature in st.session_state.get(WRITTEN, ()):
        # The URL shows what this session has, or had: a rerun sent by the browser before it
        # received the URL of the run before (a student pressing an arrow key on a slider several
        # times) carries an older URL this session wrote itself. Applying it would move the
        # slider back under the student's finger.
        return
    declared = dict(entries(page))
    values, problems = links.read(declared.items(), params)
    for key, value in values.items():
        st.session_state[key] = declared[key].to_widget(value)
    st.session_state["link_problems"] = problems
    st.session_state["link_signature"] = _signature(page, params)


def link_notices() -> None:
    """A page's first lines: what a link asked for that could not be applied."""
    for name, raw in st.session_state.get("link_problems", []):
        st.warning(tr("link_bad_value", name=name, value=raw), icon=":material/link_off:")


def hidden() -> set[str]:
    """The settings (their names in links) that the link hides on this page."""
    return links.hidden_names(entries(current_page()), link_params())


def _current_values(page: str) -> dict[str, Any]:
    """The page's settings as its widgets hold them now, as the settings hold them (a typed text that
    is not a value yet is left out)."""
    values = {}
    for key, declared in entries(page):
        if key in st.session_state:
            try:
                values[key] = declared.from_widget(st.session_state[key])
            except SettingProblem:
                pass
    return values


def sync_link(page: str) -> None:
    """Write the page's current settings in the URL (defaults left out), keeping lang, hide and present."""
    params = link_params()
    wanted = {key: value for key, value in params.items() if key in links.RESERVED}
    wanted.update(links.to_params(entries(page), _current_values(page), context()))
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
    params.update(links.to_params(entries(page), _current_values(page), context()))
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


SHARE_BOX_KEY = "share_box"


def box_open() -> bool:
    """Whether this student has the sharing box open (a settings panel then reruns the page to update it)."""
    return bool(st.session_state.get(SHARE_BOX_KEY))


def share_box(page: str) -> None:
    """In the sidebar: the link to this page as it is set, what it hides, presenter mode, a QR code.

    Made when opened (a rerun): most students never open it, and each one's link differs.
    """
    settings = [declared for _, declared in entries(page)]
    with st.sidebar.expander(tr("share_title"), icon=":material/share:", key=SHARE_BOX_KEY,
                             on_change="rerun") as box:
        if not box.open:
            return
        hide = []
        labels = {s.url: s.label for s in settings}
        language = lang()  # bound now: Streamlit may call format_func outside this run
        if settings:
            # one widget per page (each page has its own settings), starting from what the URL hides
            hide = st.multiselect(tr("share_hide"), [s.url for s in settings], default=sorted(hidden()),
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
