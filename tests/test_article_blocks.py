"""An article shows every kind of body block: text, image, video, quote, call-out, download."""

from django.test import TestCase
from wagtail.rich_text import RichText

from tests.factories import (
    VIDEO_URL,
    add_article,
    build_site,
    make_document,
    make_image,
    make_video_embed,
    paragraph,
)


class ArticleBlocksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.image = make_image("缴获的冰毒")
        cls.document = make_document("中华人民共和国禁毒法")
        make_video_embed()
        cls.article = add_article(
            cls.tree.news,
            "认识合成毒品",
            body=[
                paragraph("<h2>什么是合成毒品</h2><p>冰毒、摇头丸都是<b>合成毒品</b>。</p>"),
                (
                    "image",
                    {
                        "image": {
                            "image": cls.image,
                            "alt_text": "透明晶体状的冰毒",
                            "decorative": False,
                        },
                        "caption": "警方缴获的冰毒",
                    },
                ),
                ("video", {"video": VIDEO_URL, "caption": "禁毒宣传片《青春无毒》"}),
                ("quote", {"text": "吸毒一口，掉入虎口。", "attribution": "禁毒宣传语"}),
                (
                    "callout",
                    {
                        "tone": "help",
                        "heading": "发现涉毒线索？",
                        "text": RichText("<p>请拨打举报电话 <b>110</b>。</p>"),
                    },
                ),
                ("download", {"document": cls.document, "description": "2008年6月1日起施行"}),
            ],
        )

    def setUp(self):
        self.response = self.client.get(self.article.url)
        self.assertEqual(self.response.status_code, 200)

    def test_paragraph(self):
        self.assertContains(self.response, "<h2>什么是合成毒品</h2>", html=True)
        self.assertContains(self.response, "<b>合成毒品</b>", html=True)

    def test_image_as_a_rendition_with_its_alt_text_and_caption(self):
        self.assertContains(self.response, "<picture")
        self.assertContains(self.response, 'alt="透明晶体状的冰毒"')
        self.assertContains(self.response, "/media/images/jindu")
        self.assertNotContains(self.response, self.image.file.url)
        self.assertContains(self.response, "警方缴获的冰毒")

    def test_video_from_the_cached_embed(self):
        self.assertContains(self.response, 'src="https://video.example.cn/embed/626-jindu"')
        self.assertContains(self.response, "禁毒宣传片《青春无毒》")

    def test_quote_with_attribution(self):
        self.assertContains(self.response, "<blockquote>")
        self.assertContains(self.response, "吸毒一口，掉入虎口。")
        self.assertContains(self.response, "禁毒宣传语")

    def test_callout(self):
        self.assertContains(self.response, "callout-help")
        self.assertContains(self.response, "发现涉毒线索？")
        self.assertContains(self.response, "<b>110</b>", html=True)

    def test_download_links_the_document(self):
        self.assertContains(self.response, f'href="{self.document.url}"')
        self.assertContains(self.response, "中华人民共和国禁毒法")
        self.assertContains(self.response, "2008年6月1日起施行")

    def test_document_link_serves_the_file(self):
        response = self.client.get(self.document.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), "珍爱生命，远离毒品。".encode())

    def test_blocks_appear_in_order(self):
        content = self.response.content.decode()
        positions = [
            content.index(marker)
            for marker in [
                "什么是合成毒品",
                "警方缴获的冰毒",
                "626-jindu",
                "掉入虎口",
                "发现涉毒线索",
                "2008年6月1日起施行",
            ]
        ]
        self.assertEqual(positions, sorted(positions))
