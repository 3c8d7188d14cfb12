"""What Gazette does, whoever asks (an HTTP route, the CLI, a worker): ingest, bulk ingest,
re-extraction, export, the extraction sandbox and the sources articles come from."""
