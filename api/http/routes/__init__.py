"""HTTP handlers, one module per resource. Handlers stay thin: validate, call db/ingest, respond."""
