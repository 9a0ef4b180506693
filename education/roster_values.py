"""How roster cells are read: the many ways Chinese schools write a grade or a class name,
the clean-up every cell gets (full-width forms, stray spaces), and the one form of a student
number that the roster keeps and identification matches."""

import re
import unicodedata
from functools import cache

from django.utils import translation

from education.models import Grade

_DIGITS = "一二三四五六七八九"
_STAGE_FIRST_GRADE = {"小学": 1, "初中": 7, "初": 7, "高中": 10, "高": 10, "大学": 13, "大": 13}
_STAGE_YEARS = {1: 6, 7: 3, 10: 3, 13: 4}
_STAGE_GRADE = re.compile(r"^(小学|初中|初|高中|高|大学|大)([一二三四五六]|\d)(年级)?$")
_PLAIN_GRADE = re.compile(r"^(\d{1,2}|[一二三四五六七八九]|十[一二]?)年级$|^(\d{1,2})$")
_NUMBERED_CLASS = re.compile(r"^\(?0*(\d{1,3})\)?班?$")
_SPACES = re.compile(r"\s+")


def clean_cell(value: str) -> str:
    """NFKC (full-width letters, digits, brackets and spaces become plain ones), trimmed, runs
    of whitespace folded to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip()


def normalise_number(text: str) -> str:
    """A student number as kept and as matched: full-width digits and letters (as typed on a
    Chinese keyboard) made plain, and every space removed ("２０２６ 01" → "202601")."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def parse_grade(text: str) -> int | None:
    """A ``Grade`` value from "七年级", "7", "7年级", "初一", "初中一年级", "高一", "大一"…;
    None when the text names no grade."""
    text = clean_cell(text).replace(" ", "")
    if text in _grade_labels():
        return _grade_labels()[text]
    staged = _STAGE_GRADE.match(text)
    if staged:
        first = _STAGE_FIRST_GRADE[staged.group(1)]
        year = _number(staged.group(2))
        return first + year - 1 if 1 <= year <= _STAGE_YEARS[first] else None
    plain = _PLAIN_GRADE.match(text)
    if plain:
        grade = _number(plain.group(1) or plain.group(2))
        return grade if 1 <= grade <= Grade.G12 else None
    return None


@cache
def _grade_labels() -> dict[str, int]:
    """The labels as written in the code ("七年级", "高一"), whatever the active language."""
    with translation.override(None):
        return {str(label): value for value, label in Grade.choices}


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_DIGITS.index(text[1]) + 1 if len(text) > 1 else 0)
    return _DIGITS.index(text) + 1


def class_name(text: str) -> str:
    """The name a class is kept under: "1班", "(1)班", "（1）班", "01" and "1" all become
    "1班"; other names ("实验班") are kept as written."""
    text = clean_cell(text).replace(" ", "")
    numbered = _NUMBERED_CLASS.match(text)
    return f"{int(numbered.group(1))}班" if numbered else text
