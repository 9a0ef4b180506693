"""年级 and 班级 as schools write them: "七年级", "7", "初一", "高一", "大一"… name a Grade;
"1班", "(1)班", "（1）班" and "1" name the class "1班"."""

import pytest

from education.models import Grade
from education.roster_values import class_name, parse_grade


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("七年级", Grade.G7),
        ("7", Grade.G7),
        ("７", Grade.G7),
        ("7年级", Grade.G7),
        (" 七 年级 ", Grade.G7),
        ("初一", Grade.G7),
        ("初中一年级", Grade.G7),
        ("初三", Grade.G9),
        ("一年级", Grade.G1),
        ("小学六年级", Grade.G6),
        ("高一", Grade.G10),
        ("高中三年级", Grade.G12),
        ("十二年级", Grade.G12),
        ("大一", Grade.U1),
        ("大四", Grade.U4),
    ],
)
def test_grades(text, grade):
    assert parse_grade(text) == grade


@pytest.mark.parametrize("text", ["", "初四", "高四", "大五", "13", "0", "2025级", "七班", "G7"])
def test_not_grades(text):
    assert parse_grade(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("1班", "1班"),
        ("(1)班", "1班"),
        ("（1）班", "1班"),
        ("1", "1班"),
        ("01", "1班"),
        ("（１２）班", "12班"),
        ("(3)", "3班"),
        ("实验班", "实验班"),
        (" 国际 部 ", "国际部"),
    ],
)
def test_class_names(text, name):
    assert class_name(text) == name
