"""`manage.py load_wechat_demo` adds keyword replies and tagged followers, once."""

import io

from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.models import Site

from wechat.models import Follower, FollowerTag, KeywordReply


def _load() -> str:
    out = io.StringIO()
    call_command("load_wechat_demo", stdout=out)
    return out.getvalue()


class LoadWechatDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", verbosity=0)
        _load()

    def test_replies_point_at_the_site_sections(self):
        knowledge = next(r for r in KeywordReply.objects.all() if "知识" in r.keyword_list)
        self.assertEqual(knowledge.page.specific_class.__name__, "DrugFactIndexPage")

    def test_followers_carry_a_district_and_a_role(self):
        follower = Follower.objects.filter(openid__startswith="oDEMO").first()
        kinds = sorted(follower.tags.values_list("kind", flat=True))
        self.assertEqual(kinds, [FollowerTag.Kind.DISTRICT, FollowerTag.Kind.ROLE])
        self.assertGreater(Follower.objects.filter(subscribed=True).count(), 200)

    def test_second_run_creates_nothing(self):
        counts = (KeywordReply.objects.count(), Follower.objects.count())
        self.assertIn("新建演示关注者 0 位", _load())
        self.assertEqual((KeywordReply.objects.count(), Follower.objects.count()), counts)

    def test_refuses_without_a_site(self):
        Site.objects.all().delete()
        with self.assertRaisesMessage(CommandError, "load_demo"):
            _load()
