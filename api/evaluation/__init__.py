"""Offline evaluation of the extractor against the gold annotations in `eval/gold/`."""
