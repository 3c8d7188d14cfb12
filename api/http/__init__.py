"""The web layer: the Litestar app, its middleware, routes, parameters and problem documents.

It turns HTTP into calls of the services (api.services) and the read functions (api.db), and
their results and domain errors (api.errors) into responses; nothing below it imports it.
"""
