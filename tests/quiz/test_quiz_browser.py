"""A student on a phone, in a real Chromium: joins by class code, identifies, starts a timed
quiz, reloads half-way (the answers stay), hands in and sees the result with the
certificate."""

import re

import pytest

from tests import test_browser
from tests.quiz.taking import build_world

pytestmark = [pytest.mark.browser]

browser_page = test_browser.browser_page  # the project's Chromium, as a fixture here too
PHONE = test_browser.PHONE
ARTIFACTS = test_browser.ARTIFACTS


@pytest.fixture
def student_and_quiz():
    """The world, built before the browser starts; the test itself makes no query (see
    tests/test_browser.py)."""
    world = build_world(time_limit_minutes=10, shuffle_choices=True)
    return {
        "code": world.schools.class_a.code,
        "number": world.student.number,
        "name": world.student.name,
        "school": world.schools.school_a.name,
        "quiz_title": world.quiz.title,
        # The right choices of each question, by text, in the fixed order.
        "right": [
            [choice.text for choice in question.choices.all() if choice.correct]
            for question in world.bank.values()
        ],
    }


def choose(page, position: int, texts: list[str]) -> None:
    question = page.locator("[data-quiz-question]").nth(position)
    for text in texts:
        question.locator("label.quiz-choice", has_text=text).click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_student_takes_a_timed_quiz_on_a_phone(live_server, student_and_quiz, browser_page):
    expected, page = student_and_quiz, browser_page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(live_server.url + "/join/")
    page.get_by_label("班级码").fill(expected["code"].lower())
    page.get_by_role("button", name="下一步").click()
    page.wait_for_url("**/join/*/")
    assert expected["school"] in page.locator("main").inner_text()
    page.get_by_label("学号").fill(expected["number"])
    page.get_by_label("姓名").fill(expected["name"])
    page.screenshot(path=str(ARTIFACTS / "phone-quiz-identify.png"), full_page=True)
    page.get_by_role("button", name="确认身份").click()
    page.wait_for_url("**/student/")
    assert expected["name"] in page.locator(".quiz-identity").inner_text()

    page.get_by_role("link", name=expected["quiz_title"]).first.click()
    assert "限时 10 分钟" in page.locator(".quiz-rules").inner_text()
    page.screenshot(path=str(ARTIFACTS / "phone-quiz-rules.png"), full_page=True)
    page.get_by_role("button", name="开始答题").click()
    page.wait_for_url("**/attempt/*/")

    timer = page.locator("[data-quiz-remaining]")
    assert re.fullmatch(r"(09:[0-5]\d|10:00)", timer.inner_text())
    assert page.locator("[data-quiz-answered]").inner_text() == "0"
    choose(page, 0, expected["right"][0])
    choose(page, 1, expected["right"][1])
    assert page.locator("[data-quiz-answered]").inner_text() == "2"
    page.screenshot(path=str(ARTIFACTS / "phone-quiz-answering.png"), full_page=True)

    page.reload()
    assert page.locator("[data-quiz-answered]").inner_text() == "2"
    for position in (0, 1):
        question = page.locator("[data-quiz-question]").nth(position)
        for text in expected["right"][position]:
            label = question.locator("label.quiz-choice", has_text=text)
            assert label.locator("input").is_checked()
    assert page.locator("[data-quiz-question]").nth(2).locator("input:checked").count() == 0

    choose(page, 2, expected["right"][2])
    choose(page, 3, expected["right"][3])
    assert page.locator("[data-quiz-answered]").inner_text() == "4"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="交卷").click()
    page.wait_for_url("**/result/*/")

    assert page.locator(".quiz-score-number").inner_text() == "100"
    assert "恭喜，成绩合格！" in page.locator("main").inner_text()
    certificate = page.locator("img.quiz-certificate-image")
    certificate.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=certificate.element_handle()
    )
    assert certificate.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [1080, 1440]
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('quiz-'))") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(ARTIFACTS / "phone-quiz-result.png"), full_page=True)
    assert errors == []
