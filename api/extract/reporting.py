"""Reporting verbs and who does them: the grammar that quotes and speakers share.

"said", "told", "added" are cues; their subject (or the inverted subject after them, "said
Lindqvist"), the one quoted in "quoted X as saying", and the object of "according to" name
who speaks.
"""

from __future__ import annotations

from spacy.tokens import Token

from api.extract.lexicon import word_list

SENT_END = frozenset({".", "!", "?"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
# Nouns for documents and channels: their "speaker" is whoever issued them.
DOCUMENT_NOUNS = word_list("document_nouns.txt")
# "quoted X as saying", "cited X as saying": the object is the speaker.
QUOTING_VERBS = word_list("quoting_verbs.txt")
CLAUSE_LINKS = frozenset({"conj", "advcl", "xcomp", "ccomp", "pcomp", "prep"})


# Words that open a clause whose verb is not the sentence's report ("while", "although").
SUBORDINATORS = word_list("subordinating_conjunctions.txt")


def load_verbs() -> frozenset[str]:
    """Reporting-verb lemmas from data/reporting_verbs.txt ("say", "tell", "add", ...)."""
    return word_list("reporting_verbs.txt")


def is_cue(tok: Token) -> bool:
    """A reporting verb: "said", "told", "added", "insisted" (not the noun "reports"), or a
    verb the tagger took for a plural noun right before a quote ("The agency notes, “…”")."""
    if tok.tag_ == "NNS" and _mistagged_cue(tok):
        return True
    if tok.lemma_.lower() not in load_verbs() and tok.lower_ not in ("said", "says"):
        return False
    if tok.text[:1].isupper() and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN":
        return False  # a capitalised word inside a name ("Ali Said Rostami"), not a verb
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.text == "Said" and tok.is_sent_start and nxt is not None and nxt.pos_ == "PROPN":
        return False  # "Said Hamdan, a witness, …": a given name opening the sentence
    return tok.tag_.startswith("VB") or tok.lower_ in ("said", "says")


def _mistagged_cue(tok: Token) -> bool:
    """ "notes" in "The agency notes, “…”": a reporting verb's -s form, after a name and
    before a comma or colon that opens a quote."""
    word = tok.lower_
    if not (word[:-1] in load_verbs() or (word.endswith("es") and word[:-2] in load_verbs())):
        return False
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].pos_ != "PROPN" or tok.i + 2 >= len(doc):
        return False
    return doc[tok.i + 1].text in (",", ":") and doc[tok.i + 2].text in ("\u201c", '"', "\u00ab")


def subject_of(verb: Token, inverted_ok: bool = True) -> Token | None:
    """Who does the reporting verb: its nearest subject, the subject of the verb it hangs on,
    or an inverted subject right after it ("said Lindqvist", "added the engineer")."""
    quoted = quoted_source(verb)
    if quoted is not None:
        return quoted
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in DOCUMENT_NOUNS:
        return verb.head  # "a statement saying …": the statement's issuer speaks
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    subjects.sort(key=lambda c: abs(c.i - verb.i))
    if subjects:
        return subjects[0]
    head = verb
    for _ in range(5):  # "refused to comment but said", "defended … whilst promising"
        if head.dep_ not in CLAUSE_LINKS or head.head is head:
            break
        head = head.head
        if (
            head.dep_ == "ccomp"
            and verb.tag_ == "VBG"
            and any(c.dep_ == "mark" for c in head.children)
        ):
            continue  # "denied that it was staged, writing …": not the content clause's "it"
        for child in head.children:
            if child.dep_ in SUBJ_DEPS:
                return child
    if not inverted_ok:
        return None
    for child in verb.rights:
        if (
            child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "dative")
            and child.pos_ in ("PROPN", "NOUN")
            and child.i <= verb.i + 3
        ):
            return child
    return None


def quoted_source(verb: Token) -> Token | None:
    """ "The agency quoted Kellner as saying" / "Kellner was quoted as saying" → "Kellner":
    the one quoted speaks, not the one who quotes."""
    if verb.head.lower_ == "as" and verb.dep_ in ("pcomp", "advcl", "pobj"):
        verb = verb.head.head
    if verb.lemma_.lower() not in QUOTING_VERBS:
        return None
    if not any(c.lower_ == "as" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return None


def appositions(tok: Token) -> list[Token]:
    """Names in apposition anywhere in a speaker's phrase: "the head of the union Marl, Bram
    Weller" → [Weller] (relative clauses are not searched)."""
    out: list[Token] = []
    stack = [c for c in tok.children if c.dep_ not in ("relcl", "acl", "ccomp")]
    while stack:
        cur = stack.pop()
        if cur.dep_ == "appos":
            out.append(cur)
        stack.extend(c for c in cur.children if c.dep_ not in ("relcl", "acl", "ccomp"))
    out.sort(key=lambda t: t.i)
    return out


def according_to(segment: list[Token]) -> Token | None:
    """ "according to Nordpost" → the token "Nordpost"; "in the words of the prosecutor, Ana
    Berg" → "Berg" (the name in apposition, else the noun); "per the statement" →
    "statement"."""
    for tok in segment:
        if tok.lower_ == "per" and tok.dep_ == "prep":  # "per the statement, …"
            source = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if source is not None:
                return source
        if tok.lower_ == "words" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "of":
            source = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if source is not None:
                named = appositions(source)
                return named[0] if named else source
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to":
            for child in tok.doc[tok.i + 1].children:
                if child.dep_ == "pobj":
                    return child
            if tok.i + 2 < len(tok.doc):
                return tok.doc[tok.i + 2]
    return None


def phrase(tok: Token) -> str:
    """The words naming a speaker: "the engineer" from "the engineer, who was ..."."""
    left = [t for t in tok.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nummod")]
    start = left[0].i if left else tok.i
    return tok.doc[start : tok.i + 1].text


def cue_in(segment: list[Token], last: bool) -> Token | None:
    """The reporting verb of a segment: the first after a quote, the last before one; a cue
    inside a concessive or conditional clause ("while Tamsin Vale had acknowledged it, “…”",
    "if written by him") only when there is no other."""
    cues = [t for t in segment if is_cue(t)]
    if not cues:
        return None
    main = [t for t in cues if not _subordinate(t)] or cues
    return main[-1] if last else main[0]


def _subordinate(verb: Token) -> bool:
    """The verb sits in a clause opened by "while", "although", "if", "because" or the like."""
    for node in (verb, *verb.ancestors):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in node.children
        ):
            return True
        if node.dep_ == "ROOT":
            return False
    return False


def has_own_content(cue: Token, quote_of: list[int]) -> bool:
    """The reporting verb (or a cue hanging on it: "countered, saying") takes a clause of
    its own outside quotes ("Ana said the plan would fail"): it reports those words, not a
    quote before it."""
    verbs = [cue, *(c for c in cue.children if c.dep_ in ("xcomp", "advcl") and is_cue(c))]
    return any(
        child.dep_ == "ccomp" and child.i > verb.i and quote_of[child.i] < 0
        for verb in verbs
        for child in verb.children
    )


def main_verbs(segment: list[Token]) -> list[Token]:
    """The verbs of the segment's main clause: its root verb, or verbs whose head lies
    outside the segment, and the verbs joined to those by "and"; subordinate clauses
    ("While his colleagues declined, …") are left out."""
    inside = {t.i for t in segment}
    return [t for t in segment if t.pos_ in ("VERB", "AUX") and _main_clause(t, inside)]


def clause_subject(segment: list[Token]) -> Token | None:
    """The subject of the segment's main clause when that subject is in the segment too:
    "Ana Berg rejected the plan" → "Berg". Expletives ("It is alleged", "There were") are
    nobody."""
    inside = {t.i for t in segment}
    for verb in main_verbs(segment):
        subject = subject_of(verb, inverted_ok=False)
        if subject is None or subject.i not in inside:
            continue
        if subject.dep_ == "expl" or (subject.lower_ == "it" and subject.dep_ == "nsubjpass"):
            return None
        return subject
    return None


def _main_clause(verb: Token, inside: set[int]) -> bool:
    """The verb heads the segment's clause (the sentence's root, or a verb whose head lies
    outside the segment), or is joined to such a verb by conjunctions only."""
    while verb.dep_ == "conj" and verb.head.i in inside:
        verb = verb.head
    return verb.dep_ == "ROOT" or verb.head.i not in inside
