"""Gazette: news articles in, structured entities out, over a typed REST API."""
