"""Every URL of the project, as each persona meets it: the status a GET answers with.

The table is the access policy in one place. A section ``[namespace]`` groups URL names
(``[-]``: names without a namespace); each row gives the URL name within the section, its
arguments (``name=word``: a word of ``World.value`` in tests/security/personas.py) and the
expected status for the eight personas. ``302`` is a redirect: to the sign-in page for
people who must sign in, to the admin's home for staff without the permission, or to the
page a step leads to; ``405`` marks an address that only takes POST (see
test_permission_matrix_posts.py). Another school's or district's objects are a 404.

A new URL of the project that the table does not list fails ``test_every_url_is_classified``:
classify it here.
"""

from importlib import import_module

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver
from wagtail.admin.viewsets import viewsets

from tests.security import personas
from tests.security.personas import Row, parse_table

PROJECT_PACKAGES = ("config", "education", "booking", "wechat")

pytestmark = pytest.mark.django_db

# fmt: off
MATRIX = """
# url name                 arguments                             ano stu coA coB off stf edi adm
[-]
article_feed_atom          -                                     200 200 200 200 200 200 200 200
article_feed_rss           -                                     200 200 200 200 200 200 200 200
certificate_image          code=certificate                      200 200 200 200 200 200 200 200
certificate_verify         code=certificate                      200 200 200 200 200 200 200 200
district_coordinators      district_id=district_a                302 302 404 404 404 404 404 200
district_dashboard         district_id=district_a                302 302 404 404 404 404 404 200
district_dashboard         district_id=district_b                302 302 404 404 200 404 404 200
district_dashboard_export  district_id=district_a                302 302 404 404 404 404 404 200
healthz                    -                                     200 200 200 200 200 200 200 200
join_by_code               -                                     200 200 200 200 200 200 200 200
join_school                token=join_token_a                    200 200 200 200 200 200 200 200
my_roles                   -                                     302 302 200 200 200 200 200 200
quiz_attempt               token=attempt_token                   404 302 404 404 404 404 404 404
quiz_result                token=attempt_token                   404 200 404 404 404 404 404 404
quiz_result                token=attempt_b_token                 404 404 404 404 404 404 404 404
quiz_start                 page_id=quiz                          302 302 302 302 302 302 302 302
readyz                     -                                     200 200 200 200 200 200 200 200
robots_txt                 -                                     200 200 200 200 200 200 200 200
school_class_delete        school_id=school_a,class_id=class_a   302 302 405 405 405 405 405 405
school_class_edit          school_id=school_a,class_id=class_a   302 302 200 404 404 404 404 200
school_class_edit          school_id=school_b,class_id=class_a   302 302 404 404 404 404 404 404
school_classes             school_id=school_a                    302 302 200 404 404 404 404 200
school_dashboard           school_id=school_a                    302 302 200 404 404 404 404 200
school_dashboard           school_id=school_b                    302 302 404 200 200 404 404 200
school_dashboard_export    school_id=school_a                    302 302 200 404 404 404 404 200
school_join_sheet          school_id=school_a                    302 302 200 404 404 404 404 200
school_roster              school_id=school_a                    302 302 200 404 404 404 404 200
school_roster              school_id=school_b                    302 302 404 200 200 404 404 200
school_roster_commit       school_id=school_a,import_id=import   302 302 405 405 405 405 405 405
school_roster_import       school_id=school_a                    302 302 200 404 404 404 404 200
school_roster_preview      school_id=school_a,import_id=import   302 302 200 404 404 404 404 200
school_roster_preview      school_id=school_b,import_id=import   302 302 404 404 404 404 404 404
school_roster_template     school_id=school_a                    302 302 200 404 404 404 404 200
school_roster_template_csv school_id=school_a                    302 302 200 404 404 404 404 200
set_language               -                                     302 302 302 302 302 302 302 302
sitemap                    -                                     200 200 200 200 200 200 200 200
school_student_status      school_id=school_a,student_id=student_a 302 302 405 405 405 405 405 405
search                     -                                     200 200 200 200 200 200 200 200
student_forget             -                                     405 405 405 405 405 405 405 405
student_quizzes            -                                     302 200 302 302 302 302 302 302
wechat_channel_resume      pk=pause                              302 302 302 302 302 302 302 405
wechat_channel_test        -                                     302 302 302 302 302 302 302 405
[booking]
book_group                 slot_id=slot                          302 302 200 200 403 403 403 403
book_public                slot_id=slot                          302 302 200 200 200 200 200 200
booking                    code=booking_code                     302 302 200 404 404 200 404 200
booking_cancel             code=booking_code                     302 302 405 405 405 405 405 405
booking_change             code=booking_code                     302 302 405 405 405 405 405 405
booking_ics                code=booking_code                     302 302 200 404 404 200 404 200
booking_qr                 code=booking_code,kind=svg            302 302 200 404 404 200 404 200
checkin                    -                                     302 302 403 403 403 200 403 200
checkin_booking            code=booking_code                     302 302 302 404 404 200 404 200
join_waitlist              slot_id=slot,pool=group               302 302 200 200 403 403 403 403
lecturer_report            pk=talk                               302 302 302 404 404 404 404 302
lecturer_request           pk=talk                               302 302 200 404 404 404 404 200
lecturer_request_cancel    pk=talk                               302 302 405 405 405 405 405 405
lecturer_request_new       -                                     302 302 200 200 302 302 302 302
lecturer_requests          -                                     302 302 200 200 200 200 200 200
my_bookings                -                                     302 302 200 200 200 200 200 200
slot                       slot_id=slot                          200 200 200 200 200 200 200 200
venue                      slug=venue_slug                       200 200 200 200 200 200 200 200
venues                     -                                     200 200 200 200 200 200 200 200
waitlist_offer             token=waitlist_token                  302 302 200 404 404 404 404 404
waitlist_withdraw          token=waitlist_token                  302 302 405 405 405 405 405 405
[wechat]
account                    -                                     302 302 200 200 200 200 200 200
callback                   -                                     503 503 503 503 503 503 503 503
jssdk_signature            -                                     400 400 400 400 400 400 400 400
[booking_bookings]
approve                    pk=booking                            302 302 302 302 302 302 302 405
cancel                     pk=booking                            302 302 302 302 302 302 302 405
check_in                   pk=booking                            302 302 302 302 302 405 302 405
history                    pk=booking                            302 302 302 302 302 302 302 200
history_results            pk=booking                            302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 200 302 200
index_results              -                                     302 302 302 302 302 200 302 200
inspect                    pk=booking                            302 302 302 302 302 200 404 200
refuse                     pk=booking                            302 302 302 302 302 302 302 405
[booking_closures]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=closure                            302 302 302 302 302 302 302 200
edit                       pk=closure                            302 302 302 302 302 302 302 200
history                    pk=closure                            302 302 302 302 302 302 302 200
history_results            pk=closure                            302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
usage                      pk=closure                            302 302 302 302 302 302 302 200
[booking_figures]
index                      -                                     302 302 302 302 302 200 302 200
[booking_lecturer_requests]
assign                     pk=talk                               302 302 302 302 302 302 302 200
decline                    pk=talk                               302 302 302 302 302 302 302 200
delete                     pk=talk                               302 302 302 302 302 302 302 200
edit                       pk=talk                               302 302 302 302 302 302 302 200
history                    pk=talk                               302 302 302 302 302 302 302 200
history_results            pk=talk                               302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
inspect                    pk=talk                               302 302 302 302 302 302 302 200
usage                      pk=talk                               302 302 302 302 302 302 302 200
[booking_lecturers]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=lecturer                           302 302 302 302 302 302 302 200
edit                       pk=lecturer                           302 302 302 302 302 302 302 200
history                    pk=lecturer                           302 302 302 302 302 302 302 200
history_results            pk=lecturer                           302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
usage                      pk=lecturer                           302 302 302 302 302 302 302 200
[booking_slots]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=slot                               302 302 302 302 302 302 302 302
edit                       pk=slot                               302 302 302 302 302 302 302 200
history                    pk=slot                               302 302 302 302 302 302 302 200
history_results            pk=slot                               302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
usage                      pk=slot                               302 302 302 302 302 302 302 200
[booking_suspensions]
add                        -                                     302 302 302 302 302 302 302 200
history                    pk=suspension                         302 302 302 302 302 302 302 200
history_results            pk=suspension                         302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
inspect                    pk=suspension                         302 302 302 302 302 302 302 200
lift                       pk=suspension                         302 302 302 302 302 302 302 405
[booking_venues]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=venue                              302 302 302 302 302 302 302 302
edit                       pk=venue                              302 302 302 302 302 302 302 200
history                    pk=venue                              302 302 302 302 302 302 302 200
history_results            pk=venue                              302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
usage                      pk=venue                              302 302 302 302 302 302 302 200
[booking_waitlist]
history                    pk=entry                              302 302 302 302 302 302 302 200
history_results            pk=entry                              302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
inspect                    pk=entry                              302 302 302 302 302 302 302 200
[city_rates]
export                     -                                     302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
[education_coordinators]
add                        -                                     302 302 302 302 302 302 302 302
decide                     pk=coordinator_role                   302 302 302 302 302 302 302 200
delete                     pk=coordinator_role                   302 302 302 302 302 302 302 302
edit                       pk=coordinator_role                   302 302 302 302 302 302 302 200
history                    pk=coordinator_role                   302 302 302 302 302 302 302 200
history_results            pk=coordinator_role                   302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
inspect                    pk=coordinator_role                   302 302 302 302 302 302 302 200
usage                      pk=coordinator_role                   302 302 302 302 302 302 302 200
[education_districts]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=district_a                         302 302 302 302 302 302 302 302
edit                       pk=district_a                         302 302 302 302 302 302 302 200
history                    pk=district_a                         302 302 302 302 302 302 302 200
history_results            pk=district_a                         302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
usage                      pk=district_a                         302 302 302 302 302 302 302 200
[education_officers]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=officer_role                       302 302 302 302 302 302 302 200
edit                       pk=officer_role                       302 302 302 302 302 302 302 200
history                    pk=officer_role                       302 302 302 302 302 302 302 200
history_results            pk=officer_role                       302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
usage                      pk=officer_role                       302 302 302 302 302 302 302 200
[education_schools]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=school_a                           302 302 302 302 302 302 302 302
edit                       pk=school_a                           302 302 302 302 302 302 302 200
history                    pk=school_a                           302 302 302 302 302 302 302 200
history_results            pk=school_a                           302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
inspect                    pk=school_a                           302 302 302 302 302 302 302 200
usage                      pk=school_a                           302 302 302 302 302 302 302 200
[item_analysis]
index                      -                                     302 302 302 302 302 302 200 200
results                    -                                     302 302 302 302 302 302 200 200
[slot_calendar]
day                        venue_pk=venue,iso_day=slot_day       302 302 302 302 302 200 302 200
index                      -                                     302 302 302 302 302 200 302 200
[wagtailsnippets_education_articlecategory]
add                        -                                     302 302 302 302 302 302 302 200
copy                       pk=category                           302 302 302 302 302 302 302 200
delete                     pk=category                           302 302 302 302 302 302 302 200
edit                       pk=category                           302 302 302 302 302 302 302 200
history                    pk=category                           302 302 302 302 302 302 302 200
history_results            pk=category                           302 302 302 302 302 302 302 200
list                       -                                     302 302 302 302 302 302 302 200
list_results               -                                     302 302 302 302 302 302 302 200
usage                      pk=category                           302 302 302 302 302 302 302 200
[wagtailsnippets_education_period]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=period                             302 302 302 302 302 302 302 200
edit                       pk=period                             302 302 302 302 302 302 302 200
history                    pk=period                             302 302 302 302 302 302 302 200
history_results            pk=period                             302 302 302 302 302 302 302 200
list                       -                                     302 302 302 302 302 302 302 200
list_results               -                                     302 302 302 302 302 302 302 200
usage                      pk=period                             302 302 302 302 302 302 302 200
[wagtailsnippets_education_question]
add                        -                                     302 302 302 302 302 302 200 200
copy                       pk=question                           302 302 302 302 302 302 200 200
delete                     pk=question                           302 302 302 302 302 302 302 200
edit                       pk=question                           302 302 302 302 302 302 200 200
history                    pk=question                           302 302 302 302 302 302 200 200
history_results            pk=question                           302 302 302 302 302 302 200 200
list                       -                                     302 302 302 302 302 302 200 200
list_results               -                                     302 302 302 302 302 302 200 200
usage                      pk=question                           302 302 302 302 302 302 200 200
[wagtailsnippets_wechat_keywordreply]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=reply                              302 302 302 302 302 302 302 200
edit                       pk=reply                              302 302 302 302 302 302 302 200
history                    pk=reply                              302 302 302 302 302 302 302 200
history_results            pk=reply                              302 302 302 302 302 302 302 200
list                       -                                     302 302 302 302 302 302 302 200
list_results               -                                     302 302 302 302 302 302 302 200
usage                      pk=reply                              302 302 302 302 302 302 302 200
[wagtailsnippets_wechat_messagetext]
add                        -                                     302 302 302 302 302 302 302 200
copy                       pk=text                               302 302 302 302 302 302 302 200
delete                     pk=text                               302 302 302 302 302 302 302 200
edit                       pk=text                               302 302 302 302 302 302 302 200
history                    pk=text                               302 302 302 302 302 302 302 200
history_results            pk=text                               302 302 302 302 302 302 302 200
list                       -                                     302 302 302 302 302 302 302 200
list_results               -                                     302 302 302 302 302 302 302 200
usage                      pk=text                               302 302 302 302 302 302 302 200
[wechat_broadcasts]
add                        -                                     302 302 302 302 302 302 302 200
cancel                     pk=broadcast                          302 302 302 302 302 302 302 405
delete                     pk=broadcast                          302 302 302 302 302 302 302 200
edit                       pk=broadcast                          302 302 302 302 302 302 302 200
history                    pk=broadcast                          302 302 302 302 302 302 302 200
history_results            pk=broadcast                          302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
preview                    pk=broadcast                          302 302 302 302 302 302 302 200
progress                   pk=broadcast                          302 302 302 302 302 302 302 302
retry                      pk=broadcast,message_id=message       302 302 302 302 302 302 302 405
usage                      pk=broadcast                          302 302 302 302 302 302 302 200
[wechat_follower_tags]
add                        -                                     302 302 302 302 302 302 302 200
delete                     pk=tag                                302 302 302 302 302 302 302 200
edit                       pk=tag                                302 302 302 302 302 302 302 200
history                    pk=tag                                302 302 302 302 302 302 302 200
history_results            pk=tag                                302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
usage                      pk=tag                                302 302 302 302 302 302 302 200
[wechat_followers]
delete                     pk=follower                           302 302 302 302 302 302 302 200
edit                       pk=follower                           302 302 302 302 302 302 302 200
history                    pk=follower                           302 302 302 302 302 302 302 200
history_results            pk=follower                           302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
inspect                    pk=follower                           302 302 302 302 302 302 302 200
usage                      pk=follower                           302 302 302 302 302 302 302 200
[wechat_messages]
cancel                     pk=message                            302 302 302 302 302 302 302 200
history                    pk=message                            302 302 302 302 302 302 302 200
history_results            pk=message                            302 302 302 302 302 302 302 200
index                      -                                     302 302 302 302 302 302 302 200
index_results              -                                     302 302 302 302 302 302 302 200
inspect                    pk=message                            302 302 302 302 302 302 302 200
retry                      pk=message                            302 302 302 302 302 302 302 200
usage                      pk=message                            302 302 302 302 302 302 302 200
"""
# fmt: on

# A few of Wagtail's own admin pages, to show who reaches the admin at all.
CORE = """
[-]
wagtailadmin_home          -                                     302 302 302 302 302 200 200 200
wagtailadmin_explore       parent_page_id=home                   302 302 302 302 302 302 200 200
[wagtailadmin_pages]
edit                       page_id=home                          302 302 302 302 302 302 200 200
[wagtailimages]
index                      -                                     302 302 302 302 302 302 200 200
[wagtaildocs]
index                      -                                     302 302 302 302 302 302 200 200
[wagtailusers_users]
index                      -                                     302 302 302 302 302 302 302 200
[wagtailsnippets]
index                      -                                     302 302 302 302 302 302 302 200
[wagtailadmin_reports]
site_history               -                                     302 302 302 302 302 200 200 200
"""

ROWS = parse_table(MATRIX)
CORE_ROWS = parse_table(CORE)


def mismatches(world, persona: str, rows: list[Row]) -> list[str]:
    return personas.mismatches(world, persona, rows, "get")


@pytest.mark.parametrize("persona", personas.PERSONAS)
def test_project_urls(world, persona):
    found = mismatches(world, persona, ROWS)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("persona", personas.PERSONAS)
def test_core_wagtail_urls(world, persona):
    found = mismatches(world, persona, CORE_ROWS)
    assert not found, "\n".join(found)


def _named(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def _package(thing) -> str:
    return getattr(thing, "view_class", thing).__module__.split(".")[0]


def _project_namespaces() -> set[str]:
    """The admin areas the project's viewsets add (Wagtail's own snippet choosers aside)."""
    return {
        viewset.url_namespace
        for viewset in viewsets.viewsets
        if _package(type(viewset)) in PROJECT_PACKAGES
    }


def project_url_names() -> set[str]:
    """The names of the project's own URLs: those of its views (also in the admin, through
    hooks), of its viewsets, and every one config/urls.py names itself."""
    resolver = get_resolver()
    namespaces = _project_namespaces()
    own = {
        name
        for name, pattern in _named(resolver.url_patterns)
        if _package(pattern.callback) in PROJECT_PACKAGES or name.split(":")[0] in namespaces
    }
    root = import_module(settings.ROOT_URLCONF).urlpatterns
    return own | {name for name, _pattern in _named(p for p in root if getattr(p, "name", None))}


def test_every_url_is_classified():
    classified = {row.name for row in ROWS}
    assert sorted(project_url_names() - classified) == []
    assert sorted(classified - project_url_names()) == []
