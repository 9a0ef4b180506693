"""The question bank listing filters by kind, category, difficulty, grade band and status,
finds a Chinese word inside a question, exports the bank with its answers, and renders
with a fixed number of queries however many questions it shows."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from education.models import Question
from tests.quiz.question_form_data import QUESTIONS, question_editor, url
from tests.school_factories import make_question

pytestmark = pytest.mark.django_db

# Measured, the same on SQLite and PostgreSQL.
LISTING_QUERIES = 12


@pytest.fixture
def editor(client):
    client.force_login(question_editor())
    return client


@pytest.fixture
def bank() -> dict[str, Question]:
    return {
        "ice": make_question(
            "冰毒的化学名称是什么？",
            choices=(("甲基苯丙胺", True), ("氯胺酮", False)),
            bands=("junior", "senior"),
            difficulty=Question.Difficulty.HARD,
        ),
        "law": make_question(
            "走私、贩卖、运输、制造毒品，无论数量多少都应当追究刑事责任。",
            kind=Question.Kind.TRUE_FALSE,
            category=Question.Category.LAW,
            choices=(("正确", True), ("错误", False)),
            bands=("university",),
        ),
        "refuse": make_question(
            "陌生人递来的饮料，应当怎么做？",
            category=Question.Category.REFUSAL,
            choices=(("礼貌拒绝", True), ("马上喝掉", False)),
            bands=("primary",),
            difficulty=Question.Difficulty.EASY,
        ),
        "help": make_question(
            "哪些是戒毒措施？",
            kind=Question.Kind.MULTIPLE,
            category=Question.Category.HELP,
            choices=(("社区戒毒", True), ("强制隔离戒毒", True), ("网上购药", False)),
            active=False,
        ),
    }


def listed(client, **params) -> set[int]:
    response = client.get(url(QUESTIONS, "list"), params)
    assert response.status_code == 200
    return {question.pk for question in response.context["object_list"]}


def test_filters(editor, bank):
    pk = {name: question.pk for name, question in bank.items()}
    assert listed(editor, kind="true_false") == {pk["law"]}
    assert listed(editor, kind="multiple") == {pk["help"]}
    assert listed(editor, category="refusal") == {pk["refuse"]}
    assert listed(editor, difficulty="3") == {pk["ice"]}
    assert listed(editor, band="primary") == {pk["refuse"], pk["help"]}
    assert listed(editor, band="senior") == {pk["ice"], pk["help"]}
    assert listed(editor, active="false") == {pk["help"]}
    assert listed(editor, band="university", kind="multiple") == {pk["help"]}
    assert listed(editor, band="university", kind="single") == set()
    assert listed(editor, band="university", kind="true_false", category="law") == {pk["law"]}


def test_a_chinese_word_inside_a_question_finds_it(editor, bank):
    assert listed(editor, q="冰毒") == {bank["ice"].pk}
    assert listed(editor, q="数量多少") == {bank["law"].pk}
    assert listed(editor, q="海洛因") == set()
    assert listed(editor, q="冰毒", band="primary") == set()
    assert listed(editor, q="冰毒", band="junior") == {bank["ice"].pk}


def test_the_listing_shows_each_column(editor, bank):
    html = editor.get(url(QUESTIONS, "list")).content.decode()
    for shown in (
        "冰毒的化学名称是什么？",
        "判断题",
        "法律法规",
        "较难",
        "初中、高中/中职",
        "大学",
    ):
        assert shown in html


def test_export_holds_the_answers(editor, bank):
    response = editor.get(url(QUESTIONS, "list"), {"export": "csv", "category": "drug_types"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["题干"] for row in rows] == ["冰毒的化学名称是什么？"]
    assert rows[0]["选项（✔ 为正确答案）"] == "✔ 甲基苯丙胺；✘ 氯胺酮"
    assert (rows[0]["题型"], rows[0]["适用学段"], rows[0]["启用"]) == (
        "单选题",
        "初中、高中/中职",
        "是",
    )


def test_xlsx_export_opens(editor, bank):
    response = editor.get(url(QUESTIONS, "list"), {"export": "xlsx", "active": "false"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("题干", "题型")
    assert [row[0] for row in rows[1:]] == ["哪些是戒毒措施？"]


def queries(client, **params) -> int:
    client.get(url(QUESTIONS, "list"), params)  # warm what a running site keeps
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url(QUESTIONS, "list"), params).status_code == 200
    return len(captured)


@pytest.mark.parametrize("params", [{}, {"band": "junior", "q": "毒品"}])
def test_query_count_is_pinned_whatever_the_rows(editor, params):
    make_question("哪一种是毒品？第一批", bands=("junior",))
    assert queries(editor, **params) == LISTING_QUERIES
    for n in range(8):
        make_question(f"哪一种是毒品？第{n}题", bands=("junior", "senior"))
    assert queries(editor, **params) == LISTING_QUERIES
