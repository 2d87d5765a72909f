"""What a word means to the search: the analysis that the index and the queries share.

Finnish words are analysed with Voikko (`pyvoikko`: the voikko-fi dictionary as a finite-state
transducer, with the `kfst-rs` accelerator): a word's base forms (lemmas) and, for a compound,
the base forms of its parts: "kotihoidon" is kotihoito, of koti and hoito. Swedish and English
words are stemmed with Snowball. A Finnish word Voikko does not know ("mentorointiparit",
"soten") is stemmed with Snowball's Finnish stemmer instead.

Each word becomes tokens of four kinds, which the index stores and queries look up:
the word form itself ("kotihoidon"), its base forms ("kotihoito:fi"; "organisation:sv"), for
a compound its parts' base forms ("koti:osa", "hoito:osa"), and the root it is derived from
("dialogisen" and "dialogi": "dialogi:juuri"; "johtajuus" and "johtaminen": "johtaa:juuri").

Loading the dictionary takes 2 to 3 s and about 230 MB. It is loaded once per process, at first
use; a web server loads it before forking its workers (valoa/wsgi.py, gunicorn.conf.py), so
they share one copy. Each distinct word is analysed once per process (a cache) in about a
millisecond; stored text is analysed when it is saved, never when it is read.
"""

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from valoa.search.stopwords import STOP_WORDS

# Letters and digits; everything else separates words ("HR-verkosto" is hr and verkosto).
WORD = re.compile(r"[^\W_]+")
# Longer words are searched by their letters only (and cut): no real word is that long.
LONGEST_ANALYSED = 60
LONGEST_TOKEN = 100
PART = ":osa"
ROOT = ":juuri"
QUERY_STOP_WORDS = frozenset().union(*STOP_WORDS.values())

logger = logging.getLogger(__name__)
_loading = threading.Lock()
_voikko = None


def voikko():
    """The pyvoikko module, its dictionary loaded (importing it loads the dictionary)."""
    global _voikko
    if _voikko is None:
        with _loading:
            if _voikko is None:
                import pyvoikko

                _voikko = pyvoikko
    return _voikko


load = voikko


@dataclass(frozen=True, slots=True)
class Meaning:
    """What Voikko says of one Finnish word form."""

    lemmas: tuple[str, ...] = ()
    # The parts' base forms, if the word is a compound (of its most likely analysis).
    parts: tuple[str, ...] = ()
    # The root the word is derived from ("johtajuus" and "johtaja": johtaa), after the parts
    # before the last one: words of one family share it.
    family: str = ""
    # False for a word Voikko does not know: its base form is a Snowball stem.
    known: bool = True


def _root(analysis_output: str) -> str:
    """The root of the last part of a compound in Voikko's raw output: [Xp]johtaa[X]…"""
    last = analysis_output.rsplit("[Bc]", 1)[-1]
    found = re.search(r"\[Xp\]([^\[]+)\[X\]", last)
    return found.group(1).lower() if found else ""


def _analyser_failed():
    """Should the analyser fail, a word is searched by its letters only (and that is not
    remembered: the next time it is analysed again)."""
    # Never the word itself in the log: it may come from a reader's text.
    logger.exception("Voikko could not analyse a word; it is searched as written")


@lru_cache(maxsize=200_000)
def finnish(form: str) -> Meaning:
    """Voikko's analysis of a lower-case word form, from its likeliest readings.

    A word has several readings when it is ambiguous ("kuulumiskierros" is also read as
    kuu + luminen + kierros); only those with the fewest compound parts are kept, as
    libvoikko itself prefers them.
    """
    if len(form) > LONGEST_ANALYSED or not form.isalpha():
        return Meaning(family=form, known=False)
    readings = voikko().analyse(form)
    if not readings:
        guess = stem("fi", form)
        return Meaning(lemmas=(guess,), family=guess, known=False)
    fewest = min(len(reading.COMPOUND_PARTS or [None]) for reading in readings)
    likeliest = [r for r in readings if len(r.COMPOUND_PARTS or [None]) == fewest]
    lemmas = _unique(reading.BASEFORM.lower() for reading in likeliest)
    first = likeliest[0]
    parts = ()
    if first.COMPOUND_PARTS:
        parts = _unique(part.BASEFORM.lower() for part in first.COMPOUND_PARTS)
    prefix = "".join(part.FORM.lower() for part in (first.COMPOUND_PARTS or [])[:-1])
    family = prefix + (_root(first.FSTOUTPUT) or lemmas[0])
    return Meaning(lemmas=lemmas, parts=parts, family=family)


def meaning_of(form: str) -> Meaning:
    """`finnish()`, or the word as written should the analyser fail."""
    try:
        return finnish(form)
    except Exception:
        _analyser_failed()
        return Meaning(family=form, known=False)


_stemmers = threading.local()


@lru_cache(maxsize=100_000)
def stem(language: str, form: str) -> str:
    """The Snowball stem of a word in this language."""
    if not hasattr(_stemmers, language):
        name = {"fi": "finnish", "sv": "swedish", "en": "english"}[language]
        setattr(_stemmers, language, snowballstemmer.stemmer(name))
    return getattr(_stemmers, language).stemWord(form)


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


def words(text: str):
    """The words of a text: (start, end, lower-case form), in order."""
    for match in WORD.finditer(text or ""):
        yield match.start(), match.end(), match.group().lower()[:LONGEST_TOKEN]


def word_forms(text: str) -> list[str]:
    """The lower-case forms of `words(text)`, faster."""
    return [word.lower()[:LONGEST_TOKEN] for word in WORD.findall(text or "")]


def word_tokens(form: str, language: str) -> tuple[str, ...]:
    """The tokens the index stores for a word form of a text in `language`."""
    try:
        return _word_tokens(form, language)
    except Exception:
        _analyser_failed()
        return (form,)


@lru_cache(maxsize=200_000)
def _word_tokens(form: str, language: str) -> tuple[str, ...]:
    # A Finnish base form or root that is the word form itself is not stored twice: the form
    # stands for it (queries look for both, see Term), which keeps the index small.
    if language == "fi":
        meaning = finnish(form)
        root = meaning.family
        return _unique(
            [
                form,
                *(f"{lemma}:fi" for lemma in meaning.lemmas if lemma != form),
                *(part + PART for part in meaning.parts),
                *([root + ROOT] if meaning.lemmas and root not in (form, *meaning.lemmas) else []),
            ]
        )
    if language in ("sv", "en"):
        return (form, f"{stem(language, form)}:{language}")
    return (form,)


def phrase_lemma(form: str, language: str) -> str:
    """One base form for a word, for phrases of base forms (SQLite: one token a word)."""
    if language == "fi":
        return min((f"{lemma}:fi" for lemma in meaning_of(form).lemmas), default=form)
    if language in ("sv", "en"):
        return f"{stem(language, form)}:{language}"
    return form


@dataclass(frozen=True)
class Term:
    """One word of a query and the tokens that find it in every language's text.

    A document matches it when it has the form, one of the base forms, the base form as a
    part of a compound, a word of the same root, or (for a compound typed from its parts)
    every part in some word.
    """

    form: str
    lemmas: tuple[str, ...]  # base forms and stems: "kotihoito:fi", "kotihoit:sv"
    bare: tuple[str, ...]  # Finnish base forms as a text's word forms ("kotihoito"; see
    # _word_tokens)
    as_part: tuple[str, ...]  # "kotihoito:osa"
    groups: tuple[tuple[str, ...], ...]  # one group a part: ("koti:fi", "koti:osa")
    root: tuple[str, ...]  # ("kotihoitaa:juuri", "kotihoitaa:fi", "kotihoitaa"), or ()
    known: bool = True  # whether Voikko knows the word

    @classmethod
    def of(cls, form: str) -> "Term":
        try:
            return cls._of(form)
        except Exception:
            _analyser_failed()
            return cls(form, lemmas=(), bare=(), as_part=(), groups=(), root=(), known=False)

    @classmethod
    @lru_cache(maxsize=20_000)
    def _of(cls, form: str) -> "Term":
        meaning = finnish(form)
        stems = {language: stem(language, form) for language in ("sv", "en")}
        lemmas = _unique(
            [
                *(f"{lemma}:fi" for lemma in meaning.lemmas),
                *(f"{found}:{language}" for language, found in stems.items()),
            ]
        )
        bare = _unique(lemma for lemma in meaning.lemmas if lemma != form)
        groups = ()
        if len(meaning.parts) > 1:
            groups = tuple((f"{part}:fi", part, part + PART) for part in meaning.parts)
        root = meaning.family
        roots = _unique([root + ROOT, f"{root}:fi", root]) if meaning.lemmas else ()
        return cls(
            form=form,
            lemmas=lemmas,
            bare=bare,
            as_part=tuple(lemma + PART for lemma in meaning.lemmas),
            groups=groups,
            root=roots,
            known=meaning.known,
        )

    @property
    def whole(self) -> tuple[str, ...]:
        """Tokens of a whole word: the form and the base forms (not compound parts)."""
        return (self.form, *self.lemmas, *self.bare)

    @property
    def tokens(self) -> set[str]:
        """Every token that marks a word of a text as found by this term."""
        groups = (token for group in self.groups for token in group)
        return {*self.whole, *self.as_part, *self.root, *groups}
