"""Chinese words are found inside Chinese sentences, on SQLite and on PostgreSQL alike."""

import datetime

from django.db import connection
from django.test import SimpleTestCase, TestCase
from modelsearch.query import And, Or, Phrase, PlainText
from wagtail.rich_text import RichText

from education.chinese_search import (
    index_text,
    rewrite_autocomplete,
    rewrite_search,
    search_query,
    tokens,
)
from tests.factories import (
    add_article,
    add_drug_fact,
    build_site,
    paragraph,
    publish,
    today,
)


def describe(query):
    """A comparable form of a search query tree."""
    if isinstance(query, And):
        return ("and", [describe(sub) for sub in query.subqueries])
    if isinstance(query, Or):
        return ("or", [describe(sub) for sub in query.subqueries])
    if isinstance(query, Phrase):
        return ("phrase", query.query_string)
    if isinstance(query, PlainText):
        return ("plain", query.query_string)
    return query


class TokensTests(SimpleTestCase):
    def test_chinese_run_becomes_overlapping_pairs(self):
        self.assertEqual(tokens("冰毒是合成毒品"), ["冰毒", "毒是", "是合", "合成", "成毒", "毒品"])

    def test_punctuation_splits_runs(self):
        self.assertEqual(
            tokens("珍爱生命，远离毒品！"), ["珍爱", "爱生", "生命", "远离", "离毒", "毒品"]
        )

    def test_single_chinese_character_stays_whole(self):
        self.assertEqual(tokens("冰"), ["冰"])

    def test_latin_words_are_lowercased_and_kept_whole(self):
        self.assertEqual(tokens("摇头丸含MDMA"), ["摇头", "头丸", "丸含", "mdma"])
        self.assertEqual(tokens("K粉"), ["k", "粉"])
        self.assertEqual(tokens("6·26 国际禁毒日"), ["6", "26", "国际", "际禁", "禁毒", "毒日"])

    def test_nothing_but_punctuation_gives_no_tokens(self):
        self.assertEqual(tokens("，。！？——……“”"), [])
        self.assertEqual(tokens(""), [])


class IndexTextTests(SimpleTestCase):
    def test_pairs_then_each_character_once(self):
        self.assertEqual(index_text("毒品毒"), "毒品 品毒 品 毒")

    def test_nested_values_are_flattened(self):
        text = index_text({"heading": "戒毒", "items": ["康复", None, {"x": "MDMA"}]})
        words = text.split()
        self.assertEqual(words[:3], ["戒毒", "康复", "mdma"])
        self.assertEqual(words[3:], sorted(["戒", "毒", "康", "复"]))

    def test_none_indexes_as_empty(self):
        self.assertEqual(index_text(None), "")


class SearchQueryTests(SimpleTestCase):
    def test_two_character_word_is_one_plain_term(self):
        self.assertEqual(describe(search_query("冰毒")), ("plain", "冰毒"))

    def test_longer_word_is_a_phrase_of_its_pairs(self):
        self.assertEqual(describe(search_query("合成毒品")), ("phrase", "合成 成毒 毒品"))

    def test_every_term_is_required(self):
        self.assertEqual(
            describe(search_query("冰毒  戒毒康复")),
            ("and", [("plain", "冰毒"), ("phrase", "戒毒 毒康 康复")]),
        )

    def test_mixed_latin_and_chinese_term(self):
        self.assertEqual(describe(search_query("K粉")), ("phrase", "k 粉"))
        self.assertEqual(describe(search_query("MDMA")), ("plain", "mdma"))

    def test_repeated_terms_count_once(self):
        self.assertEqual(
            describe(search_query("冰毒 冰毒 MDMA mdma")),
            ("and", [("plain", "冰毒"), ("plain", "mdma")]),
        )

    def test_many_terms_form_one_flat_and(self):
        query = search_query(" ".join(f"w{i}" for i in range(30)))
        self.assertEqual(describe(query), ("and", [("plain", f"w{i}") for i in range(30)]))

    def test_punctuation_only_query_is_empty(self):
        self.assertEqual(search_query("？！ ，。"), "")


class ParsedQueryTests(SimpleTestCase):
    """The Wagtail admin hands the backend parsed queries, not strings."""

    def test_plain_text_is_rewritten_with_its_operator(self):
        self.assertEqual(
            describe(rewrite_search(PlainText("合成毒品 冰毒", operator="or"))),
            ("or", [("phrase", "合成 成毒 毒品"), ("plain", "冰毒")]),
        )

    def test_quoted_phrase_is_rewritten_to_pairs(self):
        self.assertEqual(describe(rewrite_search(Phrase("合成毒品"))), ("phrase", "合成 成毒 毒品"))

    def test_autocomplete_plain_text_becomes_pairs(self):
        query = rewrite_autocomplete(PlainText("合成毒品", operator="and"))
        self.assertEqual((query.query_string, query.operator), ("合成 成毒 毒品", "and"))
        self.assertEqual(rewrite_autocomplete("合成毒品"), "合成 成毒 毒品")


class SiteSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        news = cls.tree.news
        cls.ice = add_article(
            news,
            "青少年要警惕新型毒品伪装",
            "冰毒是一种合成毒品，学名甲基苯丙胺，吸食后极易成瘾。",
            date=today() - datetime.timedelta(days=1),
        )
        cls.rehab = add_article(
            news,
            "社区工作动态",
            "街道开展社区戒毒和社区康复工作，帮助他们回归社会。",
            date=today() - datetime.timedelta(days=2),
        )
        cls.rehab_title = add_article(
            news,
            "戒毒康复人员就业帮扶",
            "市里为康复人员提供技能培训和就业岗位。",
            date=today() - datetime.timedelta(days=3),
        )
        cls.ecstasy = add_article(
            news,
            "摇头丸与氯胺酮",
            "摇头丸的主要成分是MDMA；氯胺酮俗称K粉，同样是毒品。",
            date=today() - datetime.timedelta(days=4),
        )
        cls.quote_only = add_article(
            news,
            "禁毒宣传标语征集结果",
            body=[
                paragraph("<p>征集活动收到作品三百余件。</p>"),
                ("quote", {"text": "吸毒一口，掉入虎口。", "attribution": "获奖作品"}),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "heading": "提醒",
                        "text": RichText("<p>远离娱乐场所的陌生饮料。</p>"),
                    },
                ),
            ],
        )
        cls.draft = add_article(
            news, "海洛因的危害（草稿）", "草稿：海洛因属于传统毒品。", live=False
        )
        cls.withdrawn = add_article(news, "已撤下的通知", "大麻制品通知已经撤回。")
        cls.withdrawn.unpublish()
        cls.fact = add_drug_fact(
            cls.tree.drug_facts,
            "甲基苯丙胺",
            street_names="冰、溜冰",
            harms="<p>长期吸食冰毒会导致精神病症状。</p>",
        )

        # A live page whose newer, unpublished revision mentions a word nobody may find yet.
        cls.ice.body = [paragraph("<p>草稿修改：可卡因。</p>")]
        cls.ice.save_revision()

    def search(self, q):
        response = self.client.get("/search/", {"q": q})
        self.assertEqual(response.status_code, 200)
        return response

    def found(self, q) -> list[str]:
        results = self.search(q).context["results"]
        return [page.title for page in results] if results is not None else []

    def test_word_inside_a_sentence_is_found(self):
        self.assertEqual(set(self.found("冰毒")), {self.ice.title, self.fact.title})
        # The campaign section's introduction mentions 合成毒品 too.
        self.assertEqual(set(self.found("合成毒品")), {self.ice.title, self.tree.campaigns.title})
        self.assertEqual(set(self.found("戒毒")), {self.rehab.title, self.rehab_title.title})

    def test_found_page_title_is_shown_with_a_link(self):
        response = self.search("甲基苯丙胺")
        self.assertContains(response, self.ice.title)
        self.assertContains(response, f'href="{self.ice.url}"')

    def test_word_that_is_not_there_finds_nothing(self):
        self.assertEqual(self.found("鸦片"), [])
        # Both characters occur, but never next to each other.
        self.assertEqual(self.found("冰品"), [])

    def test_every_term_must_occur(self):
        self.assertEqual(self.found("戒毒 就业"), [self.rehab_title.title])
        self.assertEqual(self.found("冰毒 就业"), [])

    def test_word_only_in_a_title_is_found(self):
        self.assertEqual(self.found("帮扶"), [self.rehab_title.title])

    def test_word_in_the_title_ranks_first(self):
        if connection.vendor == "sqlite":
            self.skipTest("SQLite FTS5 ranks by bm25 over title and body alike")
        self.assertEqual(self.found("戒毒")[0], self.rehab_title.title)

    def test_text_in_streamfield_blocks_other_than_paragraphs_is_found(self):
        self.assertEqual(self.found("虎口"), [self.quote_only.title])
        self.assertEqual(self.found("陌生饮料"), [self.quote_only.title])

    def test_drafts_unpublished_pages_and_unpublished_changes_are_not_found(self):
        self.assertEqual(self.found("海洛因"), [])
        self.assertEqual(self.found("大麻"), [])
        self.assertEqual(self.found("可卡因"), [])

    def test_latin_words(self):
        self.assertEqual(self.found("MDMA"), [self.ecstasy.title])
        self.assertEqual(self.found("mdma"), [self.ecstasy.title])
        self.assertEqual(self.found("K粉"), [self.ecstasy.title])

    def test_street_names_of_a_drug_fact_are_found(self):
        self.assertEqual(self.found("溜冰"), [self.fact.title])

    def test_empty_and_punctuation_only_queries_give_a_clean_page(self):
        for q in ["", "   ", "？！，。", "——……", '"', "*", "(", ")"]:
            with self.subTest(q=q):
                self.assertEqual(self.found(q), [])

    def test_query_syntax_characters_and_operators_are_harmless(self):
        for q in ['冰毒"', "NOT OR AND", "c++ (a", "冰毒 -", "冰* ^2", "title:冰毒", "NEAR(冰毒)"]:
            with self.subTest(q=q):
                self.search(q)

    def test_very_long_query_gives_a_clean_page(self):
        self.assertEqual(self.found("冰毒" * 2000), [])
        self.assertEqual(self.found("MDMA " * 500), [self.ecstasy.title])
        self.search("毒品，" * 1000)

    def test_many_words_give_a_clean_page(self):
        self.assertEqual(self.found(" ".join(f"w{i}" for i in range(50))), [])
        many_phrases = " ".join(f"毒品成分{i}号" for i in range(20))
        self.assertEqual(self.found(many_phrases), [])

    def test_query_is_kept_in_the_search_box(self):
        self.assertEqual(self.search(" 冰毒 ").context["search_query"], "冰毒")

    def test_results_page_out_of_range_shows_the_last_page(self):
        response = self.client.get("/search/", {"q": "冰毒", "page": "99"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["results"].number, 1)


class NewContentIsSearchableTests(TestCase):
    """The index follows publishing: a page is found as soon as it is published."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()

    def test_publishing_a_draft_makes_it_findable(self):
        draft = add_article(
            self.tree.news, "禁毒法知识问答", "贩卖毒品要追究刑事责任。", live=False
        )
        response = self.client.get("/search/", {"q": "刑事责任"})
        self.assertEqual(list(response.context["results"]), [])
        publish(draft)
        response = self.client.get("/search/", {"q": "刑事责任"})
        self.assertEqual([page.pk for page in response.context["results"]], [draft.pk])
