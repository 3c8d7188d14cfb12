FROM python:3.12-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY api ./api
COPY sql ./sql
RUN pip install --no-cache-dir -e .
ENV GAZETTE_HOST=0.0.0.0 PORT=8000
EXPOSE 8000
# DATABASE_URL must be set (compose.yaml does): the image has no embedded Postgres data dir.
CMD ["python", "-m", "api", "serve"]
