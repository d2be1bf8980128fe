"""The lesson's script: page configuration, language switch and the lesson's navigation.

``streamlit run app.py`` serves it (app.py warms the server up first); every student's tab runs
it. Each page lives in ``lesson_pages/`` and follows one slide of the lesson, in the lesson's order.
"""

from core.training import threads

threads.one_thread_each()  # before scikit-learn loads OpenMP: one thread per computation (core/training/threads.py)

import streamlit as st  # noqa: E402

from core.lesson import slides  # noqa: E402
from ui import board, share  # noqa: E402
from ui.common import PAGES, language_switch, presenter_style, tr  # noqa: E402
from ui.server import configure_server  # noqa: E402
from ui.warm_up import warm_up  # noqa: E402

# presenter mode (?present=1, for the projector): no sidebar, larger type and charts
st.set_page_config(page_title="IA et Nous", page_icon="🧠", layout="wide",
                   initial_sidebar_state="collapsed" if share.presenting() else "auto")

configure_server()
warm_up()  # done by app.py before the server opens; again here for a server started otherwise (AppTest)

language_switch()
presenter_style()
navigation = st.navigation(
    [
        st.Page(path, title=tr(title), icon=icon, url_path=url, default=(index == 0))
        for index, (path, title, icon, url) in enumerate(PAGES)
    ],
    expanded=True,
)
page = navigation.url_path or "home"
share.apply_link(page)       # a teacher's link: its settings become the widgets' values
board.join_from_link()       # a class's join link (?class=K7P-4QA): in the class for the session
board.class_box()
share.share_box(page)
st.sidebar.caption(tr("sidebar_credit", **slides.credits()))
share.link_notices()
navigation.run()
share.sync_link(page)        # the URL shows the page's settings as they are now
