"""The addresses that change something, posted to (with an empty form) by the personas who
must not act there: another school's coordinator, an officer of another district, door
staff and editors get a 404 for school A's objects, or the admin's refusal; nobody signed
out gets past the sign-in; school B's addresses holding school A's class, student or
import are a 404 even for those who may act on both schools. ``ok`` marks the personas
allowed to act: their posts would change the shared data and are the feature tests'
business."""

import pytest

from tests.security import personas
from tests.security.personas import parse_table

pytestmark = pytest.mark.django_db

# fmt: off
POSTS = parse_table("""
# url name                 arguments                             ano stu coA coB off stf edi adm
[-]
school_classes             school_id=school_a                    302 302 ok  404 404 404 404 ok
school_class_edit          school_id=school_a,class_id=class_a   302 302 ok  404 404 404 404 ok
school_class_delete        school_id=school_a,class_id=class_a   302 302 ok  404 404 404 404 ok
school_student_status      school_id=school_a,student_id=student_a 302 302 ok 404 404 404 404 ok
school_roster_import       school_id=school_a                    302 302 ok  404 404 404 404 ok
school_roster_commit       school_id=school_a,import_id=import   302 302 ok  404 404 404 404 ok
# School B's address with school A's class, student or import: nobody gets through.
school_class_edit          school_id=school_b,class_id=class_a   302 302 404 404 404 404 404 404
school_class_delete        school_id=school_b,class_id=class_a   302 302 404 404 404 404 404 404
school_student_status      school_id=school_b,student_id=student_a 302 302 404 404 404 404 404 404
school_roster_commit       school_id=school_b,import_id=import   302 302 404 404 404 404 404 404
district_coordinators      district_id=district_a                302 302 404 404 404 404 404 ok
[booking]
booking_cancel             code=booking_code                     302 302 ok  404 404 404 404 404
booking_change             code=booking_code                     302 302 ok  404 404 404 404 404
checkin_booking            code=booking_code                     302 302 302 404 404 ok  404 ok
lecturer_request_cancel    pk=talk                               302 302 ok  404 404 404 404 ok
lecturer_report            pk=talk                               302 302 302 404 404 404 404 ok
waitlist_offer             token=waitlist_token                  302 302 ok  404 404 404 404 404
waitlist_withdraw          token=waitlist_token                  302 302 ok  404 404 404 404 404
[booking_bookings]
approve                    pk=booking                            302 302 302 302 302 302 302 ok
refuse                     pk=booking                            302 302 302 302 302 302 302 ok
cancel                     pk=booking                            302 302 302 302 302 302 302 ok
check_in                   pk=booking                            302 302 302 302 302 ok  302 ok
[booking_suspensions]
lift                       pk=suspension                         302 302 302 302 302 302 302 ok
[education_coordinators]
decide                     pk=coordinator_role                   302 302 302 302 302 302 302 ok
[wechat_broadcasts]
cancel                     pk=broadcast                          302 302 302 302 302 302 302 ok
[-]
wechat_channel_resume      pk=pause                              302 302 302 302 302 302 302 ok
wechat_channel_test        -                                     302 302 302 302 302 302 302 ok
""")
# fmt: on


@pytest.mark.parametrize("persona", personas.PERSONAS)
def test_posts_refused(world, persona):
    found = personas.mismatches(world, persona, POSTS, "post")
    assert not found, "\n".join(found)
