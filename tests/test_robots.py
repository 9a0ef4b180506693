"""robots.txt is plain text, keeps crawlers out of the admin and points to the sitemap."""

from django.test import TestCase


class RobotsTxtTests(TestCase):
    def test_plain_text_with_the_sitemap_line(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)

    def test_sitemap_line_follows_the_requested_host_and_scheme(self):
        response = self.client.get("/robots.txt", secure=True, headers={"host": "localhost"})
        self.assertIn(
            "Sitemap: https://localhost/sitemap.xml", response.content.decode().splitlines()
        )

    def test_only_get_and_head(self):
        self.assertEqual(self.client.post("/robots.txt").status_code, 405)

    def test_head_is_answered_like_get(self):
        # Crawlers and uptime checks often ask with HEAD first.
        self.assertEqual(self.client.head("/robots.txt").status_code, 200)
        self.assertEqual(self.client.head("/search/", {"q": "冰毒"}).status_code, 200)
