"""The extractor's version, stored with every extracted entity: raise it when a rule changes
what the same text yields, so `gazette reextract` knows which articles are behind. Its own
module, so reading it does not load spaCy."""

from __future__ import annotations

EXTRACTOR_VERSION = "1.5.2"
