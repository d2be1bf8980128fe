"""The lesson's script: page configuration, language switch and the lesson's navigation.

``streamlit run app.py`` serves it (app.py warms the server up first); every student's tab runs
it. Each page lives in ``lesson_pages/`` and follows one slide of the lesson, in the lesson's order.
"""

from core.training import threads

threads.one_thread_each()  # before scikit-learn loads OpenMP: one thread per computation (core/training/threads.py)

import streamlit as st  # noqa: E402

from core.lesson import slides  # noqa: E402
from ui import board, share  # noqa: E402
from ui.common import language_switch, presenter_style, tr  # noqa: E402
from ui.server import configure_server  # noqa: E402
from ui.warm_up import warm_up  # noqa: E402

# presenter mode (?present=1, for the projector): no sidebar, larger type and charts
st.set_page_config(page_title="IA et Nous", page_icon="🧠", layout="wide",
                   initial_sidebar_state="collapsed" if share.presenting() else "auto")

configure_server()
warm_up()  # done by app.py before the server opens; again here for a server started otherwise (AppTest)

PAGES = [
    # file, title key, icon, url path
    ("lesson_pages/0_home.py", "page_home", ":material/home:", "home"),
    ("lesson_pages/1_softmax.py", "page_softmax", ":material/functions:", "softmax"),
    ("lesson_pages/2_training.py", "page_training", ":material/model_training:", "training"),
    ("lesson_pages/3_five_layers.py", "page_five_layers", ":material/account_tree:", "five-layers"),
    ("lesson_pages/4_overfitting.py", "page_overfitting", ":material/trending_down:", "overfitting"),
    ("lesson_pages/5_translation.py", "page_translation", ":material/open_with:", "translation"),
    ("lesson_pages/6_convolution.py", "page_convolution", ":material/filter_alt:", "convolution"),
    ("lesson_pages/7_board.py", "page_board", ":material/groups:", "board"),
]

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
