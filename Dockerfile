# The classroom app in one image: `docker build -t ia-et-nous .` then
# `docker run -p 8501:8501 ia-et-nous` and open http://localhost:8501 (add ?lang=en for English).
# Everything it needs is inside, MNIST included: it runs without a network once built.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY .streamlit/ .streamlit/
COPY app.py lesson.py ./
COPY core/ core/
COPY ui/ ui/
COPY lesson_pages/ lesson_pages/
COPY data/ data/

# not root: the app only reads its files, and writes the class board's SQLite file in /app/var
# (mount a volume there to keep the boards across image updates; or set BOARD_DATABASE_URL)
RUN useradd --create-home --uid 10001 teacher && mkdir -p /app/var && chown teacher /app/var
USER teacher
VOLUME ["/app/var"]

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"
# where it listens, nothing else: the production settings are .streamlit/config.toml's
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
