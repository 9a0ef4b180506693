"""Taking a quiz outside the page tree: identifying, the quiz page's start button, answering,
the result, certificates. The quiz pages themselves are Wagtail pages."""

from django.urls import path

from education import quiz_views

urlpatterns = [
    path("join/", quiz_views.join_by_code, name="join_by_code"),
    path("join/<str:token>/", quiz_views.join_school, name="join_school"),
    path("student/", quiz_views.student_quizzes, name="student_quizzes"),
    path("student/forget/", quiz_views.student_forget, name="student_forget"),
    path("quiz/<int:page_id>/start/", quiz_views.start_quiz, name="quiz_start"),
    path("attempt/<uuid:token>/", quiz_views.attempt_page, name="quiz_attempt"),
    path("result/<uuid:token>/", quiz_views.result_page, name="quiz_result"),
    path("certificates/<slug:code>/", quiz_views.certificate_verify, name="certificate_verify"),
    path("certificates/<slug:code>.png", quiz_views.certificate_image, name="certificate_image"),
]
