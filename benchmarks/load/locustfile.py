"""Simulated visitors of the site for Locust (run by ``benchmarks/load/runner.py``).

``MixVisitor`` is the realistic mix: 70% read public pages (home, section indexes, articles,
campaigns, drug facts, events), 20% take the students' quiz (class code, student number and
name of a roster student, start, answer, hand in, result: every quiz run is another student),
5% book a demo slot as a signed-in visitor (and cancel most bookings again, freeing the
places), 5% search in Chinese; within an errand each page follows the last after the same
think time as between errands (a student reads the questions before handing in).
``CachedReader`` reads the public pages only; ``ConstantReader`` fetches the constant view.
Each user sends an address of its own in X-Real-IP, as nginx would.

Environment: BENCH_PLAN (the plan JSON of ``plan.py``), BENCH_OUT (where the X-Cache
tallies go), BENCH_WAIT (seconds of think time between tasks, "min,max"), BENCH_MAX_REQUESTS
(stop after this many requests; 0: run for the -t duration).
"""

import http.cookiejar
import itertools
import json
import os
import random
import re
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote

import gevent
from locust import FastHttpUser, between, events, task

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text())
WAIT = [float(x) for x in os.environ.get("BENCH_WAIT", "0,0").split(",")]
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "0"))
CHOICE = re.compile(r'name="q(\d+)" value="([^"]+)"')
KEY_FIELD = re.compile(r'name="key" value="([0-9a-f]+)"')
BOOKING_PAGE = re.compile(r"/visit/booking/([^/]+)/$")
CANCEL_SHARE = 0.7

_addresses = itertools.count(1)
_students = iter(PLAN["quiz"]["students"])
_sessions = itertools.cycle(PLAN["booking"]["sessions"])
_cache = defaultdict(Counter)  # endpoint -> X-Cache values
_total = itertools.count(1)


@events.request.add_listener
def _tally(name, response=None, **_kwargs):
    if response is not None and getattr(response, "headers", None) is not None:
        _cache[name][response.headers.get("X-Cache") or "-"] += 1
    if MAX_REQUESTS and next(_total) == MAX_REQUESTS and _environment and _environment.runner:
        # From a greenlet of its own: quitting stops the users, this one among them.
        gevent.spawn(_environment.runner.quit)


_environment = None


@events.init.add_listener
def _keep(environment, **_kwargs):
    global _environment
    _environment = environment


@events.quitting.add_listener
def _write(**_kwargs):
    if os.environ.get("BENCH_OUT"):
        Path(os.environ["BENCH_OUT"]).write_text(json.dumps(_cache, ensure_ascii=False))


class Visitor(FastHttpUser):
    abstract = True
    wait_time = between(*WAIT)

    def on_start(self) -> None:
        number = next(_addresses)
        self.address = f"127.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"

    def pause(self) -> None:
        """A person's pause between two pages of one errand (reading a question, filling in
        a form): the same think time as between errands."""
        gevent.sleep(self.wait_time())

    def get(self, path: str, name: str, **kwargs):
        return self.client.get(path, name=name, headers={"X-Real-IP": self.address}, **kwargs)

    def post(self, path: str, name: str, data: dict, expect: str | tuple = ""):
        """A form POST with the CSRF token; success is a redirect to ``expect`` (or one of
        the statuses given as a tuple)."""
        data = {"csrfmiddlewaretoken": self.cookie("csrftoken"), **data}
        body = "&".join(f"{quote(str(k))}={quote(str(v))}" for k, v in data.items())
        headers = {
            "X-Real-IP": self.address,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        with self.client.post(
            path, data=body, headers=headers, name=name, allow_redirects=False, catch_response=True
        ) as response:
            location = response.headers.get("Location", "") if response.headers else ""
            if isinstance(expect, tuple):
                ok = response.status_code in expect
            else:
                ok = response.status_code == 302 and expect in location
            if ok:
                response.success()
            else:
                response.failure(f"HTTP {response.status_code} {location}".strip())
            return response.status_code if ok else None, location

    def cookie(self, name: str) -> str:
        for cookie in self.client.cookiejar:
            if cookie.name == name:
                return cookie.value
        return ""

    def set_cookie(self, name: str, value: str) -> None:
        self.client.cookiejar.set_cookie(
            http.cookiejar.Cookie(
                0,
                name,
                value,
                None,
                False,
                "127.0.0.1",
                False,
                False,
                "/",
                True,
                False,
                None,
                True,
                None,
                None,
                {},
            )
        )

    # The tasks

    def read(self) -> None:
        kind = random.choices(READ_KINDS, READ_WEIGHTS)[0]
        urls = PLAN["reads"][kind] or PLAN["reads"]["home"]
        self.get(random.choice(urls), kind)

    def search(self) -> None:
        self.get(f"/search/?q={quote(random.choice(PLAN['searches']))}", "search")

    def quiz(self) -> None:
        student = next(_students, None)
        if student is None:
            return  # every prepared student has answered
        try:
            self.take_quiz(student)
        finally:
            self.client.cookiejar.clear()

    def take_quiz(self, student: dict) -> None:
        if self.get("/join/", "quiz: join page").status_code != 200:
            return  # no CSRF cookie to post with
        self.pause()
        done, school = self.post("/join/", "quiz: class code", {"code": student["code"]}, "/join/")
        if not done:
            return
        self.pause()
        identity = {"number": student["number"], "name": student["name"]}
        if not self.post(school, "quiz: identify", identity, "/student/")[0]:
            return
        self.pause()
        page = PLAN["quiz"]["page"]
        done, attempt = self.post(f"/quiz/{page}/start/", "quiz: start", {}, "/attempt/")
        if not done:
            return
        paper = self.get(attempt, "quiz: answering page")
        answers = {}
        for position, key in CHOICE.findall(paper.text or ""):
            answers.setdefault(f"q{position}", key)  # the first choice of each question
        answers["confirm"] = "1"
        self.pause()
        done, result = self.post(attempt, "quiz: hand in", answers, "/result/")
        if done:
            self.get(result, "quiz: result")

    def book(self) -> None:
        session = next(_sessions, None)
        if session is None:
            return
        self.set_cookie("sessionid", session)
        try:
            self.book_as_visitor()
        finally:
            self.client.cookiejar.clear()

    def book_as_visitor(self) -> None:
        slot = random.choice(PLAN["booking"]["slots"])
        form = self.get(f"/visit/slot/{slot}/public/", "booking: form")
        key = KEY_FIELD.search(form.text or "")
        if key is None:
            return
        self.pause()
        details = {
            "key": key.group(1),
            "contact_name": "压测访客",
            "phone": "13800000001",
            "visitors": random.randint(1, 3),
        }
        status, location = self.post(
            f"/visit/slot/{slot}/public/", "booking: submit", details, (302, 409)
        )
        booked = BOOKING_PAGE.search(location) if status == 302 else None
        if booked and random.random() < CANCEL_SHARE:
            self.pause()
            code = booked.group(1)
            self.post(
                f"/visit/booking/{code}/cancel/",
                "booking: cancel",
                {"reason": "行程有变"},
                f"/visit/booking/{code}/",
            )


READ_KINDS = ["home", "index", "article", "campaign", "drug fact", "event"]
READ_WEIGHTS = [20, 15, 30, 10, 15, 10]


class MixVisitor(Visitor):
    @task(70)
    def reading(self) -> None:
        self.read()

    @task(20)
    def quizzing(self) -> None:
        self.quiz()

    @task(5)
    def booking(self) -> None:
        self.book()

    @task(5)
    def searching(self) -> None:
        self.search()


class CachedReader(Visitor):
    @task
    def reading(self) -> None:
        self.read()


class ConstantReader(Visitor):
    @task
    def constant(self) -> None:
        self.get("/bench/constant/", "constant view")
