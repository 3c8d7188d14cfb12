# The image runs the wheel, as any installation does: build it, then install it alone.
FROM python:3.12-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY api ./api
COPY sql ./sql
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.12-slim
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
# the working folder holds .gazette/ (only used without DATABASE_URL)
WORKDIR /srv/gazette
ENV GAZETTE_HOST=0.0.0.0 PORT=8000
EXPOSE 8000
# DATABASE_URL must be set (compose.yaml does): the image keeps no database of its own.
CMD ["gazette", "serve"]
