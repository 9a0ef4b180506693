"""Full-text search that finds Chinese words inside Chinese sentences.

Stock tokenizers (SQLite FTS5 unicode61, PostgreSQL's parser) treat a run of Chinese
characters without spaces as one token, so "冰毒" is never found inside "冰毒是一种合成毒品".
We index every run of Chinese characters as overlapping character pairs (bigrams, as
Lucene's CJK analyzer does) separated by spaces, plus each character once, and turn a
query into a phrase of the same pairs: a phrase of consecutive bigrams matches exactly
where the query occurs as a substring. No dictionary is needed, and the same index text
works on every database backend.
"""

import re

from modelsearch.query import And, Or, Phrase, PlainText, SearchQuery
from wagtail.models import Page
from wagtail.search import index

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"[{_HAN}]+|[^\W{_HAN}_]+")
_HAN_RUN = re.compile(rf"[{_HAN}]+")


def tokens(text: str) -> list[str]:
    """Words of ``text`` in order: Chinese runs as bigrams, other words as they are."""
    out: list[str] = []
    for match in _RUNS.finditer(text):
        run = match.group().lower()
        if _HAN_RUN.fullmatch(run) and len(run) > 1:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            out.append(run)
    return out


def _flatten(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return str(value)


def index_text(value) -> str:
    """The text stored in the search index for a field value."""
    text = _flatten(value)
    singles = sorted(set("".join(_HAN_RUN.findall(text))))
    return " ".join(tokens(text) + singles)


def search_query(query: str, operator: str = "and") -> SearchQuery | str:
    """Each whitespace-separated term must occur (any one, with operator "or"); a Chinese
    term as an exact substring."""
    parts = []
    for words in dict.fromkeys(tuple(tokens(term)) for term in query.split()):
        if len(words) == 1:
            parts.append(PlainText(words[0]))
        elif words:
            parts.append(Phrase(" ".join(words)))
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    # One flat node: nested pairs overflow SQLite's FTS5 query parser at about 17 terms.
    return Or(parts) if operator.lower() == "or" else And(parts)


def rewrite_search(query):
    """A query for ``search()``: strings and the parsed forms the Wagtail admin passes."""
    if isinstance(query, str):
        return search_query(query)
    if isinstance(query, PlainText):
        return search_query(query.query_string, query.operator)
    if isinstance(query, Phrase):
        return Phrase(" ".join(tokens(query.query_string)))
    return query


def rewrite_autocomplete(query):
    """A query for ``autocomplete()``, which takes plain text only."""
    if isinstance(query, str):
        return " ".join(tokens(query))
    if isinstance(query, PlainText):
        return PlainText(" ".join(tokens(query.query_string)), operator=query.operator)
    return query


class ChineseSearchField(index.SearchField):
    def get_value(self, obj):
        return index_text(super().get_value(obj))


class ChineseAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return index_text(super().get_value(obj))


def page_search_fields(*fields: str) -> list:
    """Wagtail's page search fields plus the title and ``fields`` indexed for Chinese."""
    return [
        *Page.search_fields,
        ChineseSearchField("title", boost=2),
        ChineseAutocompleteField("title"),
        *(ChineseSearchField(name) for name in fields),
    ]
