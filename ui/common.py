"""Helpers every page uses: the current language, shared data and charts."""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import threading

from typing import Callable

import numpy as np
import pandas as pd
import streamlit as st
from plotly.basedatatypes import BaseFigure
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core import texts
from core.numbers import format_count, format_number
from core.texts import families
from core.figures import alternative, style
from core.settings import links
from core.settings.fields import Context

LANG_KEY = "lang"

# The lesson's navigation (lesson.py), in the lesson's order: file, title key, icon, url path.
PAGES = [
    ("lesson_pages/0_home.py", "page_home", ":material/home:", "home"),
    ("lesson_pages/1_softmax.py", "page_softmax", ":material/functions:", "softmax"),
    ("lesson_pages/2_training.py", "page_training", ":material/model_training:", "training"),
    ("lesson_pages/3_five_layers.py", "page_five_layers", ":material/account_tree:", "five-layers"),
    ("lesson_pages/4_overfitting.py", "page_overfitting", ":material/trending_down:", "overfitting"),
    ("lesson_pages/5_translation.py", "page_translation", ":material/open_with:", "translation"),
    ("lesson_pages/6_convolution.py", "page_convolution", ":material/filter_alt:", "convolution"),
    ("lesson_pages/7_board.py", "page_board", ":material/groups:", "board"),
    ("lesson_pages/8_teacher.py", "page_teacher", ":material/school:", "teacher"),
]
PAGE_FILES = {url: path for path, _, _, url in PAGES}
PAGE_TITLES = {url: title for _, title, _, url in PAGES}
# No toolbar over the charts: on a phone it covered their titles, and a class reads, not zooms.
PLOTLY_CONFIG = {"displaylogo": False, "scrollZoom": False, "displayModeBar": False}


def lang() -> str:
    """The language of this session ('fr' by default)."""
    return texts.parse_language(st.session_state.get(LANG_KEY))


def tr(key: str, **values) -> str:
    """The text ``key`` in this session's language."""
    return texts.t(key, lang(), **values)


def tr_choice(prefix: str, value, **values) -> str:
    """The text of ``value`` in the family of keys ``prefix`` (core.texts.families), in this session's language."""
    return texts.t(families.key(prefix, value), lang(), **values)


def language_switch() -> str:
    """The Français / English switch, kept across pages and in the URL (?lang=en).

    The URL decides on a session's first run; afterwards the switch does, and
    the URL is written again on every run, since Streamlit clears query
    parameters when the student changes page. (Binding the widget to the URL
    with ``bind="query-params"`` would put its label in the URL, ?lang=English,
    not the code the lesson's links use.)
    """
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = texts.parse_language(st.query_params.get(LANG_KEY))
    st.sidebar.segmented_control(
        "Langue · Language",
        options=list(texts.LANGUAGES),
        format_func=texts.LANGUAGE_NAMES.get,
        required=True,
        # the session's language as the switch's default too: a switch the browser mounts again starts from
        # its default, and would send French back for an English page (seen in Chromium during reruns)
        default=st.session_state[LANG_KEY],
        key=LANG_KEY,
    )
    current = lang()
    if current == texts.DEFAULT_LANGUAGE:
        st.query_params.pop(LANG_KEY, None)
    elif st.query_params.get(LANG_KEY) != current:
        st.query_params[LANG_KEY] = current
    return current


def link_params() -> dict[str, str]:
    """This page's URL parameters (its link)."""
    return {key: st.query_params.get(key) for key in st.query_params}


def presenting() -> bool:
    """Presenter mode, asked for by the link (?present=1)."""
    return links.presenting(link_params())


def context() -> Context:
    """What a setting's default may depend on: this session's language."""
    return Context(lang())


PRESENTER_CSS = """
<style>
  .stMainBlockContainer { font-size: 1.3rem; }
  .stMainBlockContainer h1 { font-size: 3.2rem; }
  .stMainBlockContainer h2 { font-size: 2.4rem; }
  .stMainBlockContainer p, .stMainBlockContainer li, .stMainBlockContainer label { font-size: 1.3rem; }
</style>
"""


def presenter_style() -> None:
    """In presenter mode, larger type everywhere (charts are enlarged by :func:`chart`)."""
    if presenting():
        st.html(PRESENTER_CSS)


class _SerializedFigure(BaseFigure):
    """A figure's dict as ``st.plotly_chart`` reads it (``to_dict``), computed once and kept.

    ``st.plotly_chart`` turns a figure into its dict (a deep copy, every array converted to
    base64) each time it is shown. A live dashboard shows the same figures again at each poll
    that finds nothing new, and students watching one shared run are shown the same figures:
    with thirty students that conversion was 15 % of the server's Python time (py-spy). This
    stand-in holds the dict made once: ``st.plotly_chart`` reads a figure only through
    ``plotly.tools.return_figure_from_figure_or_data``, which calls ``to_dict`` (the AppTests
    read the charts' specs back, tests/app/test_shared_figures.py).
    """

    def to_dict(self) -> dict:
        return self._lesson_dict


def prepare(fig: BaseFigure) -> BaseFigure:
    """``fig`` ready to be shown (and shown again): enlarged in presenter mode, written in this
    session's language (decimal comma, "92 %" in French: ``style.localize``), its dict made once.

    The figure must not change afterwards. A figure shared between sessions is prepared
    before it is shared, under a key that holds the language and presenter mode.
    """
    if getattr(fig, "_lesson_serialized", None) is not None:
        return fig
    if presenting():
        layout = fig.layout
        style.restyle(fig, dict(font=dict(size=(layout.font.size or 16) + 6),
                                  height=int((layout.height or 420) * 1.25)))
    serialized = object.__new__(_SerializedFigure)  # no Plotly machinery: only the dict
    spec = style.localize(fig.to_dict(), lang())
    object.__setattr__(serialized, "_lesson_dict", spec)
    object.__setattr__(serialized, "_lesson_values", None)  # its text alternative: made when first shown
    fig._lesson_serialized = serialized
    return fig


_live = threading.local()  # this thread's script run: drawing a view that polls (ui.live, the dashboard)


@contextlib.contextmanager
def polling_view(polling: bool = True):
    """Charts drawn inside are redrawn at every poll: their values table waits until the view settles.

    A live view's figures are new at every poll (two a second for a running dashboard): making and
    sending their tables took a sixth of the page server's time with thirty students. The whole page
    runs again once the view has settled (a run done or paused, every job finished), with the tables.
    """
    before = getattr(_live, "polling", False)
    _live.polling = before or polling
    try:
        yield
    finally:
        _live.polling = before


def _shown_cell(value, language: str) -> str:
    """A cell of a chart's values as the page writes it: 0,25 and 60 000 in French, an empty cell for nothing."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return format_count(value, language)
    if isinstance(value, (float, np.floating)):
        return format_count(value, language) if float(value).is_integer() and abs(value) < 1e15 \
            else format_number(float(value), None, language)
    return str(value)


def chart_values(spec: dict) -> tuple[pd.DataFrame, str | None, str]:
    """A figure's dict as the table of its values (``core.figures.alternative``), every cell written
    in this session's language, a note when the table was cut, and its name for a screen reader."""
    language = lang()
    words = {"series": tr("chart_values_series"), "x": tr("chart_values_x"), "y": tr("chart_values_y"),
             "value": tr("chart_values_value"), "label": tr("chart_values_label"),
             "image": tr("chart_values_image"), "minimum": tr("chart_values_minimum"),
             "maximum": tr("chart_values_maximum"), "mean": tr("chart_values_mean"), "size": tr("chart_values_size")}
    values = alternative.values_table(spec, words)
    # strings, made once: a Styler would format the cells again at every rerun
    table = values.table.map(lambda value: _shown_cell(value, language)) if len(values.table) else values.table
    note = tr("chart_values_cut", shown=format_count(len(values.table), language),
              rows=format_count(values.total, language)) if values.cut else None
    return table, note, values.title or tr("chart_values_title")


def _values_key(key: str | None, spec: dict) -> str:
    """The key of a chart's values expander: from the chart's key, or from its title, kept from one run
    of the page to the next (the expander stays open), made unique in this run (``_2``, ``_3``…)."""
    if key is None:
        title = (spec.get("layout") or {}).get("title") or {}
        text = title.get("text", "") if isinstance(title, dict) else str(title)
        key = "chart_" + hashlib.blake2b(text.encode(), digest_size=6).hexdigest()
    base = f"{key}_values"
    context = get_script_run_ctx()
    taken = context.shared.widget_user_keys_this_run if context is not None else ()
    candidate, count = base, 1
    while candidate in taken:
        count += 1
        candidate = f"{base}_{count}"
    return candidate


def chart(fig, key: str | None = None, values: bool = True) -> None:
    """Show a Plotly figure stretched to its container (larger type and height in presenter mode),
    and under it its values in a folded table: the chart's text alternative (WCAG 1.1.1) for a
    student who cannot see it, or who wants the numbers. ``values=False`` where the page
    shows the chart's values itself.

    The table is made and sent only when its expander is opened (which reruns the page, or the
    fragment the chart is in): folded tables made at every run for every chart were a tenth of
    the page server's time with a class (py-spy, whole-lesson load test).
    """
    serialized = prepare(fig)._lesson_serialized
    st.plotly_chart(serialized, width="stretch", config=PLOTLY_CONFIG, key=key, theme=None)
    if not values or getattr(_live, "polling", False) or not alternative.has_values(serialized._lesson_dict):
        return
    with st.expander(tr("chart_values_title"), icon=":material/table:", on_change="rerun",
                     key=_values_key(key, serialized._lesson_dict)) as folded:
        if not folded.open:
            return
        if serialized._lesson_values is None:  # made once: a shared figure is shown to the whole class
            object.__setattr__(serialized, "_lesson_values", chart_values(serialized._lesson_dict))
        table, note, name = serialized._lesson_values
        if len(table):
            st.table(table, hide_index=True, alt=name)
        else:
            st.caption(tr("chart_values_empty"))
        if note:
            st.caption(note)


# Figures kept for the whole server, and for how long: a figure weighs 5 to 90 kB (twice that
# with its prepared dict), so at most about 70 MB.
FIGURES_KEPT = 400
FIGURES_SECONDS = 30 * 60


@st.cache_resource(max_entries=FIGURES_KEPT, ttl=FIGURES_SECONDS, show_spinner=False)
def _shared_figure(digest: str, _build: Callable[[], BaseFigure]) -> BaseFigure:
    return prepare(_build())


def figure_digest(key: tuple) -> str:
    """A short, exact name for a figure's key: its pickle's BLAKE2b digest.

    Streamlit's cache hashes its arguments item by item in Python: 160 µs for a dashboard view's key
    (its student's earlier curves as bytes), 2 µs this way, at every poll for every view shown.
    Equal keys pickle alike (at worst, two spellings of one key build the figure twice).
    """
    return hashlib.blake2b(pickle.dumps(key, protocol=pickle.HIGHEST_PROTOCOL), digest_size=20).hexdigest()


def shared_figure(key: tuple, build: Callable[[], BaseFigure]) -> BaseFigure:
    """The figure ``key`` names, built by ``build`` once for the server and shared read-only.

    ``key`` must hold everything the figure shows (the language and presenter mode included).
    """
    return _shared_figure(figure_digest(key), build)


shared_figure.clear = _shared_figure.clear  # every shared figure forgotten (tests)


def frozen(value):
    """A hashable, exact stand-in for a renderer's argument: arrays by their shape, type and bytes."""
    if isinstance(value, np.ndarray):
        return ("ndarray", value.shape, value.dtype.str, value.tobytes())
    if isinstance(value, (list, tuple)):
        return tuple(frozen(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((name, frozen(item)) for name, item in value.items()))
    if isinstance(value, np.generic):
        return value.item()
    return value


def shared_chart(render: Callable[..., BaseFigure], *args, key: str | None = None, values: bool = True,
                 **kwargs) -> None:
    """``chart(render(*args, **kwargs))``, the figure built once for the server for these arguments.

    A class opens a page with the same settings (the lesson's vector, digit, filter), and a
    widget moved in one section reruns the whole page: the figures of the others, and every
    student's, are shown again without being built or converted again. ``render`` must be a
    pure renderer of ``core`` (its result depends on its arguments only).
    """
    figure_key = (render.__module__, render.__qualname__, frozen(args), frozen(kwargs), lang(), presenting())
    chart(shared_figure(figure_key, lambda: render(*args, **kwargs)), key=key, values=values)



def option_labels(prefix: str):
    """A ``format_func`` showing option ``v`` as the text ``prefix + v`` in this session's language.

    The language is fixed when the widget is built, so the labels never depend on
    state read later (Streamlit may call the function outside the script run).
    """
    families.FAMILIES[prefix]  # a family that is not declared fails here, not when an option is shown
    language = lang()
    return lambda value: texts.t(families.key(prefix, value), language)


def _number_writers(table: pd.DataFrame, decimals: dict | None, as_is: tuple) -> dict[str, Callable]:
    """How each number column of ``table`` is written in this session's language (see :func:`number_table`)."""
    language, decimals = lang(), decimals or {}
    writers = {}
    for column in table.columns:
        kind = table[column].dtype
        if column in as_is:
            continue
        if pd.api.types.is_integer_dtype(kind):
            writers[column] = lambda value: format_count(value, language)
        elif pd.api.types.is_float_dtype(kind):
            writers[column] = lambda value, places=decimals.get(column): format_number(value, places, language)
    return writers


def number_table(table: pd.DataFrame, decimals: dict | None = None, as_is: tuple = ()):
    """``table`` for ``st.dataframe`` with its numbers written in this session's language.

    The cells keep their values (the table still sorts by number); only what is shown changes:
    a decimal comma and thousands marked in French (92,35; 60 000), 92.35 and 60,000 in
    English. ``decimals`` gives a float column's decimals (by default the shortest form);
    whole numbers are counts (60 000) except the columns named in ``as_is`` (a seed, a run's
    number); an unknown value is a dash.
    """
    return table.style.format(_number_writers(table, decimals, as_is), na_rep="—")


def written_table(table: pd.DataFrame, decimals: dict | None = None, as_is: tuple = ()) -> pd.DataFrame:
    """``table`` with every cell written as :func:`number_table` shows it, as text.

    For a table shown at every run of a page by every student (their runs): a Styler is made and
    sent again at each run (15 ms for ten runs, a twentieth of the page server's time with a
    class), text costs a millisecond. The price: a column sorts as text, not as numbers.
    """
    writers = _number_writers(table, decimals, as_is)
    written = {column: ["—" if value is None or (isinstance(value, float) and np.isnan(value))
                        else writers.get(column, str)(value) for value in table[column].tolist()]
               for column in table.columns}
    return pd.DataFrame(written, columns=table.columns, index=table.index, dtype=object)


def folded(key: str) -> None:
    """The rest of a page's text, folded: ``key`` (a text ending in "_more") in an expander.

    A projected slide shows one idea in two lines (a test bounds the words of every text shown
    unfolded); what a student may read further goes here.
    """
    if not key.endswith("_more"):
        raise ValueError(f"a folded text's key ends in '_more', not {key!r}")
    with st.expander(tr("more_title"), icon=":material/menu_book:"):
        st.markdown(tr(key))
