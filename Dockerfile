# UnionOps production image. Build: docker build -t unionops .   Run: see README "Deployment".
# Two stages: pip and its caches stay in the build stage; the runtime stage gets the virtualenv and the
# app's own files only (no tests, benches or docs), runs as a non-root user and checks /api/health.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
# The compiled dependencies (psycopg2-binary, rl_accel, bcrypt, pandas) ship manylinux wheels: no compiler.
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt


FROM python:3.11-slim-bookworm AS runtime
# DejaVu: report PDFs print names with accents beyond Latin-1 (reportlab's Vera is the fallback).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --create-home --shell /usr/sbin/nologin unionops
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    APP_ENV=prod \
    PORT=8501
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY Home.py alembic.ini ./
COPY .streamlit ./.streamlit
COPY lib ./lib
COPY pages ./pages
COPY migrations ./migrations
COPY seed ./seed
# The only place the app writes: the local upload folder (used when S3 is not configured).
RUN mkdir -p /app/data/uploads && chown -R unionops:unionops /app/data
USER unionops
EXPOSE 8501
# No curl in slim images: Python's urllib asks /api/health on $PORT (the platform may change it).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/api/health' % os.environ.get('PORT', '8501'), timeout=2)"]
# The one start command (also in railway.json, render.yaml and `make run`): wait for the database,
# migrate, first admin, optional one-time seed in the background, serve on 0.0.0.0:$PORT.
CMD ["python", "-m", "lib.start"]
