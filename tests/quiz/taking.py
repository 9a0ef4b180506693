"""The world of the quiz-taking tests: a site with a quiz section, the schools of
``build_schools`` and a small question bank, and the ways a test acts as a student.

The student quiz asks four fixed questions, one of each kind plus a second single choice, so
a test can answer any mix of right and wrong."""

from dataclasses import dataclass

from django.test import Client
from django.urls import reverse

from education.models import Attempt, Question, QuizIndexPage, QuizPage, Student
from education.quiz_attempts import start_attempt
from education.student_identity import keep_identity
from tests.factories import SiteTree, build_site
from tests.school_factories import Schools, add_quiz, add_quiz_index, build_schools, make_question

# Phrases that appear only in explanations: the answering page must never show them.
EXPLANATIONS = {
    "ice": "冰毒学名甲基苯丙胺，属于合成毒品【解析一】。",
    "kinds": "海洛因和大麻都是毒品，奶茶不是【解析二】。",
    "law": "《中华人民共和国禁毒法》规定，吸毒成瘾人员应当进行戒毒治疗【解析三】。",
    "refuse": "面对别人递来的可疑饮料，应当坚决拒绝【解析四】。",
}


@dataclass
class QuizWorld:
    tree: SiteTree
    schools: Schools
    index: QuizIndexPage
    bank: dict[str, Question]
    quiz: QuizPage
    student: Student
    classmate: Student


def build_bank() -> dict[str, Question]:
    return {
        "ice": make_question(
            "下列哪一种属于毒品？",
            choices=(("冰毒", True), ("咖啡", False), ("茶叶", False)),
            explanation=EXPLANATIONS["ice"],
        ),
        "kinds": make_question(
            "下列哪些属于毒品？",
            kind=Question.Kind.MULTIPLE,
            category=Question.Category.HARMS,
            choices=(("海洛因", True), ("大麻", True), ("奶茶", False), ("矿泉水", False)),
            explanation=EXPLANATIONS["kinds"],
        ),
        "law": make_question(
            "吸毒成瘾人员应当进行戒毒治疗。",
            kind=Question.Kind.TRUE_FALSE,
            category=Question.Category.LAW,
            choices=(("正确", True), ("错误", False)),
            explanation=EXPLANATIONS["law"],
        ),
        "refuse": make_question(
            "陌生人递来一杯“提神饮料”，你应该怎么做？",
            category=Question.Category.REFUSAL,
            choices=(("坚决拒绝并离开", True), ("喝一口试试", False), ("带回家给家人喝", False)),
            explanation=EXPLANATIONS["refuse"],
        ),
    }


def build_world(**quiz_fields) -> QuizWorld:
    tree = build_site()
    schools = build_schools()
    index = add_quiz_index(tree.home)
    bank = build_bank()
    quiz_fields.setdefault("pass_mark", 75)
    quiz_fields.setdefault("shuffle_choices", False)
    quiz_fields.setdefault("period", schools.period)
    quiz = add_quiz(index, questions=list(bank.values()), **quiz_fields)
    first, second = Student.objects.filter(school_class=schools.class_a).order_by("number")[:2]
    return QuizWorld(tree, schools, index, bank, quiz, first, second)


def identify_as(client: Client, student: Student) -> None:
    """What a successful match leaves in the session."""
    session = client.session
    keep_identity(session, student.pk)
    session.save()


def start_url(quiz: QuizPage) -> str:
    """Where the quiz page's start button posts."""
    return reverse("quiz_start", args=[quiz.pk])


def answers_for(attempt: Attempt, *, right: int) -> dict[str, list[str]]:
    """The first ``right`` questions answered right, the rest wrong."""
    answers = {}
    for position, question in enumerate(attempt.questions):
        if position < right:
            answers[str(position)] = list(question["key"])
        else:
            wrong = [c["key"] for c in question["choices"] if c["key"] not in question["key"]]
            answers[str(position)] = wrong[:1]
    return answers


def form_data(answers: dict[str, list[str]], **extra) -> dict:
    data = {f"q{position}": keys for position, keys in answers.items()}
    data.update(extra)
    return data


def started(world: QuizWorld, student: Student | None = None, **kwargs) -> Attempt:
    return start_attempt(world.quiz, student=student or world.student, **kwargs)
