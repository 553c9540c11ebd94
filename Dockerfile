# digestbot in a container: `docker compose up -d` (see compose.yaml and README, "Running it for good").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /opt/digestbot
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY seeds ./seeds
RUN pip install . \
    && useradd --system --uid 10001 --user-group --home-dir /data --no-create-home digestbot \
    && mkdir -p /data \
    && chown digestbot:digestbot /data

# Everything the bot writes lives on the volume: the database, its backups, the digests and the log.
ENV DIGESTBOT_DB=/data/digestbot.sqlite3 \
    DIGESTBOT_DIGESTS_DIR=/data/digests \
    DIGESTBOT_SEEDS=/opt/digestbot/seeds
VOLUME ["/data"]
WORKDIR /data
USER digestbot

# Healthy while `digestbot run` holds its run lock and the database passes PRAGMA quick_check.
HEALTHCHECK --interval=5m --timeout=30s --start-period=2m --retries=3 CMD ["digestbot", "health"]

CMD ["digestbot", "run"]
