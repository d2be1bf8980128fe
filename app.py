"""The server: ``streamlit run app.py`` serves the lesson, warm before its first student.

Streamlit finds the :class:`streamlit.App` below and serves its script, ``lesson.py`` (the page
configuration, the language switch and the lesson's navigation). Its start-up hook runs before
the port opens (ui.warm_up.warm_up_server): the libraries imported, MNIST mapped, the
worker processes started and the lesson's shared models read back from the database or set
computing. A class arriving at once on a server that has just started finds it ready (issue 16).
"""

from core.training import threads

threads.one_thread_each()  # before scikit-learn loads OpenMP: one thread per computation (core/training/threads.py)

import asyncio  # noqa: E402
from contextlib import asynccontextmanager  # noqa: E402

import streamlit as st  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402

from ui import warm_up  # noqa: E402
from ui.frontend_files import FrontendFiles  # noqa: E402


@asynccontextmanager
async def _warm_before_serving(_app):
    await asyncio.to_thread(warm_up.warm_up_server)
    yield


# Streamlit's scripts, styles and fonts answered from memory and compressed once (ui/frontend_files.py)
app = st.App("lesson.py", lifespan=_warm_before_serving, middleware=[Middleware(FrontendFiles)])
