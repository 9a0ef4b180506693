"""The demo site's text: pages, drug facts, campaigns, events, pictures and downloads.

Dates are relative to the day the demo is loaded, so news stays recent and some events
are always ahead. Legal statements follow 《中华人民共和国禁毒法》, 《中华人民共和国刑法》
第三百四十七条至第三百五十七条 and 《中华人民共和国治安管理处罚法》.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

When = Callable[[datetime.date], datetime.date]


def days_ago(n: int) -> When:
    return lambda today: today - datetime.timedelta(days=n)


def days_ahead(n: int) -> When:
    return lambda today: today + datetime.timedelta(days=n)


def last_yearly(month: int, day: int) -> When:
    """The most recent ``month``/``day``, today included: for news tied to a season."""

    def when(today: datetime.date) -> datetime.date:
        this_year = datetime.date(today.year, month, day)
        return this_year if this_year <= today else datetime.date(today.year - 1, month, day)

    return when


last_june_26 = last_yearly(6, 26)


# Stream blocks, in a compact form the command turns into StreamField data.
def text(html: str) -> tuple:
    return ("paragraph", html)


def image(key: str, caption: str) -> tuple:
    return ("image", key, caption)


def quote(words: str, attribution: str = "") -> tuple:
    return ("quote", words, attribution)


def callout(tone: str, heading: str, html: str) -> tuple:
    return ("callout", tone, heading, html)


def download(key: str, description: str) -> tuple:
    return ("download", key, description)


HELP_CALLOUT = callout(
    "help",
    "发现涉毒线索或需要戒毒帮助？",
    "<p>发现毒品违法犯罪线索，请拨打 <b>110</b> 举报，我市对查证属实的举报给予奖励并严格保密。"
    "本人或家人需要戒毒帮助，可拨打 <b>12345</b> 政务服务便民热线转市禁毒办咨询，"
    "或直接到有戒毒治疗资质的医疗机构求助。</p>",
)


@dataclass(frozen=True)
class ImageSpec:
    title: str
    motif: str
    palette: str
    caption: str = ""
    size: tuple[int, int] = (1200, 675)
    seed: int = 0


@dataclass(frozen=True)
class DocumentSpec:
    title: str
    filename: str
    text: str = ""
    poster_caption: str = ""


@dataclass(frozen=True)
class ArticleSpec:
    slug: str
    title: str
    when: When
    summary: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    cover: str
    body: list
    source: str = "市禁毒办"


@dataclass(frozen=True)
class EventSpec:
    slug: str
    title: str
    when: When
    start: datetime.time
    end: datetime.time
    place: str
    summary: str
    cover: str
    body: list


@dataclass(frozen=True)
class CampaignSpec:
    slug: str
    title: str
    theme: str
    dates: Callable[[datetime.date], tuple[datetime.date, datetime.date]]
    summary: str
    cover: str
    body: list
    related: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class DrugFactSpec:
    slug: str
    title: str
    kind: str
    street_names: str
    summary: str
    appearance: str
    effects: str
    harms: str
    legal_status: str
    cover: str
    gallery: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class IndexSpec:
    slug: str
    title: str
    model: str
    intro: str


HOME = {
    "slug": "home",
    "hero_heading": "珍爱生命　远离毒品",
    "hero_text": "禁毒知识人人知晓，禁毒斗争全民参与。"
    "了解毒品危害，参加知识答题，预约参观禁毒教育基地。",
    "hero_image": "hero",
    "search_description": "江州市禁毒委员会办公室主办的禁毒宣传教育平台："
    "禁毒新闻、毒品图鉴、专题活动、学生禁毒知识答题与禁毒教育基地参观预约。",
}

INDEXES = [
    IndexSpec(
        "news",
        "新闻资讯",
        "ArticleIndexPage",
        "<p>全市禁毒工作动态和禁毒知识科普。按<b>场所、社区、学校、企业、家庭、农村</b>"
        "六个宣传阵地分类浏览。</p>",
    ),
    IndexSpec(
        "campaigns",
        "专题活动",
        "CampaignIndexPage",
        "<p>围绕6·26国际禁毒日、青少年毒品预防教育等重点开展的专题宣传。</p>",
    ),
    IndexSpec(
        "drugs",
        "毒品图鉴",
        "DrugFactIndexPage",
        "<p>认识常见毒品的外观、俗称、危害和法律规定。<b>识毒才能防毒、拒毒。</b></p>",
    ),
    IndexSpec(
        "events",
        "禁毒活动",
        "EventIndexPage",
        "<p>禁毒教育基地开放日、专题讲座、知识竞赛和志愿服务，欢迎市民和师生参加。</p>",
    ),
]

SETTINGS = {
    "organisation": "江州市禁毒委员会办公室",
    "hotline": "12345",
    "report_phone": "110",
    "address": "江州市滨江区人民路188号 江州市禁毒教育基地",
    "email": "jindu@example.org",
    "wechat_account": "江州禁毒",
    "footer_text": "<p>主办：<b>江州市禁毒委员会办公室</b>　承办：江州市禁毒教育基地</p>"
    "<p>禁毒教育基地免费向社会开放，学校团体参观请提前在本平台预约。</p>",
    "icp_record": "江州ICP备20260626号",
}

IMAGES: dict[str, ImageSpec] = {
    "hero": ImageSpec("首页主视觉：守护青春", "hero", "teal", size=(1920, 800), seed=1),
    # articles
    "school_lesson": ImageSpec("禁毒民警走进课堂", "lecture", "sky", "禁毒宣传进校园", seed=2),
    "school_building": ImageSpec("校园禁毒宣传", "school", "green", "开学第一课", seed=3),
    "base_museum": ImageSpec("江州市禁毒教育基地", "museum", "navy", "禁毒教育基地", seed=4),
    "community_houses": ImageSpec("无毒社区建设", "community", "teal", "无毒社区", seed=5),
    "community_help": ImageSpec("社区戒毒社区康复工作站", "volunteer", "rose", "社区康复", seed=6),
    "law_book": ImageSpec("禁毒法律常识", "book", "navy", "戒毒法律常识", seed=7),
    "venue_night": ImageSpec("娱乐场所禁毒宣传", "venue", "violet", "禁毒宣传进场所", seed=8),
    "vape_warning": ImageSpec("警惕“上头电子烟”", "vape", "slate", "警惕上头电子烟", seed=9),
    "factory": ImageSpec("禁毒宣传进企业", "enterprise", "violet", "禁毒宣传进企业", seed=10),
    "parcel_check": ImageSpec("寄递渠道禁毒", "parcel", "slate", "寄递渠道禁毒", seed=11),
    "family_home": ImageSpec("不让毒品进我家", "family", "amber", "不让毒品进我家", seed=12),
    "disguised": ImageSpec("伪装成零食的新型毒品", "tablets", "rose", "识别伪装毒品", seed=13),
    "rural_fields": ImageSpec("禁种铲毒　无毒村组", "rural", "green", "禁种铲毒", seed=14),
    "poppy_warning": ImageSpec("罂粟与虞美人的区别", "poppy", "teal", "认识罂粟", seed=15),
    "caravan": ImageSpec("禁毒大篷车进集市", "megaphone", "amber", "禁毒宣传进农村", seed=16),
    "june26": ImageSpec("6·26国际禁毒日", "calendar", "crimson", "6·26国际禁毒日", seed=17),
    "no_drugs": ImageSpec("拒绝毒品", "no_drugs", "navy", "拒绝毒品", seed=18),
    "synthetic": ImageSpec("认清合成毒品", "pills", "crimson", "认清合成毒品", seed=19),
    "quiz_trophy": ImageSpec("禁毒知识竞赛", "trophy", "sky", "禁毒知识竞赛", seed=20),
    "hotline": ImageSpec("禁毒求助热线", "phone", "teal", "拨打110举报", seed=21),
    "youth": ImageSpec("青少年毒品预防教育", "youth", "crimson", "青少年与合成毒品", seed=22),
    "shield": ImageSpec("全民禁毒", "shield", "green", "全民禁毒", seed=23),
    # drug facts
    "heroin": ImageSpec("毒品图鉴：海洛因", "powder", "slate", "海洛因", seed=31),
    "heroin_2": ImageSpec("海洛因示意图", "powder_brown", "amber", size=(900, 900), seed=32),
    "meth": ImageSpec("毒品图鉴：冰毒（甲基苯丙胺）", "crystals", "sky", "冰毒", seed=33),
    "meth_2": ImageSpec("冰毒晶体示意图", "crystals", "navy", size=(900, 900), seed=34),
    "mdma": ImageSpec("毒品图鉴：摇头丸", "tablets", "violet", "摇头丸", seed=35),
    "mdma_2": ImageSpec("摇头丸片剂示意图", "tablets", "rose", size=(900, 900), seed=36),
    "ketamine": ImageSpec("毒品图鉴：K粉（氯胺酮）", "powder", "violet", "K粉", seed=37),
    "ketamine_2": ImageSpec("K粉粉末示意图", "powder", "teal", size=(900, 900), seed=38),
    "cannabis": ImageSpec("毒品图鉴：大麻", "leaf", "sky", "大麻", seed=39),
    "cannabis_2": ImageSpec("大麻叶示意图", "leaf", "slate", size=(900, 900), seed=40),
    "cocaine": ImageSpec("毒品图鉴：可卡因", "powder", "navy", "可卡因", seed=41),
    "cocaine_2": ImageSpec("可卡因粉末示意图", "powder", "crimson", size=(900, 900), seed=42),
    "opium": ImageSpec("毒品图鉴：鸦片", "poppy", "rose", "鸦片", seed=43),
    "opium_2": ImageSpec("罂粟蒴果示意图", "poppy", "green", size=(900, 900), seed=44),
    "fentanyl": ImageSpec("毒品图鉴：芬太尼类物质", "vial", "slate", "芬太尼类物质", seed=45),
    "fentanyl_2": ImageSpec("芬太尼类物质示意图", "vial", "navy", size=(900, 900), seed=46),
    "cannabinoid": ImageSpec("毒品图鉴：合成大麻素", "vape", "violet", "合成大麻素", seed=47),
    "cannabinoid_2": ImageSpec("“上头电子烟”示意图", "vape", "teal", size=(900, 900), seed=48),
}

HANDBOOK_TEXT = """青少年毒品预防教育家庭读本（文本版）
江州市禁毒委员会办公室　编

一、什么是毒品
《中华人民共和国禁毒法》规定：毒品是指鸦片、海洛因、甲基苯丙胺（冰毒）、吗啡、大麻、可卡因，以及国家规定管制的其他能够使人形成瘾癖的麻醉药品和精神药品。

二、常见毒品
1. 传统毒品：鸦片、海洛因、大麻、可卡因等。
2. 合成毒品：冰毒（甲基苯丙胺）、摇头丸（MDMA）、K粉（氯胺酮）等，多由化学方法人工合成。
3. 新精神活性物质：如合成大麻素类物质（“上头电子烟”）、芬太尼类物质，
   我国已对这两类物质实行整类列管。

三、毒品的危害
1. 损害身体：吸毒会损害大脑、心脏、肝脏、肾脏和免疫系统，过量吸食可以致命。
2. 损害精神：合成毒品可导致幻觉、妄想、抑郁，甚至引发伤人、自伤。
3. 毁掉家庭：吸毒人员往往耗尽家财，家庭关系破裂。
4. 危害社会：吸毒容易诱发盗窃、抢劫、毒驾等违法犯罪。

四、拒毒五个“不”
1. 不接受陌生人或网友给的香烟、饮料、糖果和“提神药”。
2. 不出入不适合未成年人进入的娱乐场所。
3. 不吸来历不明的电子烟，不尝试“上头”“解压”的东西。
4. 不因好奇、攀比或朋友劝说而“试一次”，毒品没有“只试一次”。
5. 不替别人携带、保管、寄送来历不明的物品。

五、家长可以这样做
1. 以身作则，不吸烟、不酗酒，营造温暖的家庭氛围。
2. 每周和孩子好好聊一次天，了解他们的朋友和网上动态。
3. 留意孩子的异常变化：情绪反复、成绩骤降、作息颠倒、花钱去向不明、身上出现锡纸、吸管或不明药片等。
4. 发现问题不打骂、不隐瞒，及时与学校和禁毒部门联系。
5. 和孩子一起参加禁毒知识答题，一起参观禁毒教育基地。

六、求助渠道
举报毒品违法犯罪：拨打 110。
禁毒咨询和戒毒帮助：拨打 12345 政务服务便民热线转市禁毒办。
吸毒人员主动到公安机关登记或者到有资质的医疗机构接受戒毒治疗的，依法不予处罚（《禁毒法》第六十二条）。
"""

DOCUMENTS: dict[str, DocumentSpec] = {
    "family_handbook": DocumentSpec(
        "青少年毒品预防教育家庭读本（文本版）", "jindu-family-handbook.txt", text=HANDBOOK_TEXT
    ),
    "poster_626": DocumentSpec(
        "6·26国际禁毒日宣传海报（A4，可打印）",
        "jindu-june-26-poster.pdf",
        poster_caption="珍爱生命　远离毒品",
    ),
}

ARTICLES = [
    ArticleSpec(
        slug="school-first-lesson",
        title="秋季开学“禁毒第一课”走进全市中小学",
        when=last_yearly(9, 3),
        summary="新学期伊始，市禁毒办联合市教育局在全市中小学开展“禁毒第一课”，禁毒民警、禁毒社工"
        "和志愿讲师走进课堂，推动学生毒品知晓率向100%的目标迈进。",
        categories=("school",),
        tags=("禁毒宣传进校园", "青少年毒品预防教育", "学生毒品知晓率"),
        cover="school_building",
        body=[
            text(
                "<p>9月初，全市中小学迎来新学期。市禁毒办联合市教育局，组织禁毒民警、禁毒社工和"
                "志愿讲师分赴各区学校，上好新学期“禁毒第一课”。本次活动坚持“请进来”与“走出去”"
                "相结合：一方面组织讲师进课堂，另一方面安排学生分批到市禁毒教育基地参观学习。</p>"
                "<h2>课堂上讲什么</h2>"
                "<p>讲师结合真实案例，用学生听得懂的语言讲解毒品的种类和危害，重点介绍伪装成饮料、"
                "零食的新型毒品和“上头电子烟”，并通过情景演练教会学生拒绝毒品的方法。</p>"
            ),
            image("school_lesson", "禁毒讲师在课堂上讲解毒品的危害（示意图）"),
            text(
                "<p>课后，各班同学通过本平台参加禁毒知识答题。答题成绩计入学校的学生毒品知晓率，"
                "学校的禁毒工作联络员可以随时查看本校各班的答题情况，对尚未通过的同学进行个别辅导。</p>"
                "<p>《中华人民共和国禁毒法》规定，教育行政部门、学校应当将禁毒知识纳入教育、教学内容，"
                "对学生进行禁毒宣传教育。市教育局要求各校把毒品预防教育纳入课程安排，"
                "做到课时、教材、师资“三落实”。</p>"
            ),
            quote(
                "青少年毒品预防教育要从“娃娃”抓起。我们的目标是让每一名学生都知道毒品的危害，"
                "学生毒品知晓率达到100%。",
                "市禁毒办负责同志",
            ),
            callout(
                "info",
                "同学们请记住",
                "<ul><li>不接受陌生人给的香烟、饮料和糖果。</li>"
                "<li>不出入不适合未成年人的娱乐场所。</li>"
                "<li>毒品没有“只试一次”，遇到诱惑要坚决说“不”。</li>"
                "<li>发现可疑情况，及时告诉老师、家长或拨打 <b>110</b>。</li></ul>",
            ),
            download("family_handbook", "配套家庭读本，可下载后打印发给学生家长。"),
        ],
    ),
    ArticleSpec(
        slug="university-students-visit-base",
        title="“青春闪耀·百万大学生参观禁毒教育基地”活动启动",
        when=last_yearly(9, 18),
        summary="市禁毒办联合市教育局启动大学新生参观禁毒教育基地活动，把参观学习作为新生入校的"
        "第一堂法治教育课，基地全年免费开放。",
        categories=("school", "venues"),
        tags=("禁毒教育基地", "大学生", "禁毒宣传进校园"),
        cover="base_museum",
        body=[
            text(
                "<p>近日，“青春闪耀·百万大学生参观禁毒教育基地”活动在江州市禁毒教育基地启动。"
                "首批来自江州大学、江州职业技术学院的800余名新生走进基地，上了一堂生动的法治教育课。</p>"
                "<p>基地设有毒品历史、毒品危害、禁毒成就和互动体验四个展区，通过实物模型、多媒体"
                "和互动游戏，让参观者直观了解毒品对个人、家庭和社会的危害。</p>"
            ),
            image("base_museum", "江州市禁毒教育基地展厅（示意图）"),
            text(
                "<h2>如何预约参观</h2>"
                "<p>基地免费向社会开放。学校组织学生参观，由学校的禁毒工作联络员在本平台预约参观"
                "时段，填写带队老师、学生人数和年级；市民个人和家庭也可以预约小团体参观。"
                "基地工作人员凭预约码在入口核验入场。</p>"
            ),
            quote(
                "走进基地之前，我以为毒品离自己很远；走出基地之后，我知道它可能就在身边。",
                "江州大学大一新生",
            ),
        ],
    ),
    ArticleSpec(
        slug="community-rehab-station",
        title="滨江街道社区戒毒社区康复工作站挂牌运行",
        when=days_ago(124),
        summary="滨江街道社区戒毒社区康复工作站正式挂牌，专职禁毒社工为社区戒毒、社区康复人员提供"
        "帮教、心理疏导和就业帮扶，助力创建无毒社区。",
        categories=("community",),
        tags=("社区戒毒社区康复", "无毒社区", "禁毒社工"),
        cover="community_houses",
        body=[
            text(
                "<p>滨江街道社区戒毒社区康复工作站日前正式挂牌运行。工作站配备专职禁毒社工，"
                "设有个案辅导室、心理咨询室和技能培训室，为辖区内社区戒毒、社区康复人员提供"
                "“一站式”服务。</p>"
                "<p>工作站推行“四位一体”帮教机制：由社区民警、社区干部、禁毒社工和戒毒人员家属"
                "组成帮教小组，坚持每月见面谈话、每季度跟踪回访，帮助戒毒人员树立信心、"
                "戒断毒瘾、回归社会。</p>"
            ),
            image("community_help", "禁毒社工为社区康复人员开展心理疏导（示意图）"),
            text(
                "<p>街道还联合辖区企业设立就业安置岗位，为戒毒康复人员提供技能培训和就业机会。"
                "《禁毒法》规定，戒毒人员在入学、就业、享受社会保障等方面不受歧视。</p>"
            ),
            quote(
                "戒毒最难的不是身体上的戒断，而是回到社会以后能不能站稳脚跟。我们要做的，"
                "就是在他们最需要的时候拉一把。",
                "滨江街道禁毒社工",
            ),
            HELP_CALLOUT,
        ],
    ),
    ArticleSpec(
        slug="rehab-law-basics",
        title="吸毒违法，戒毒有路：你需要知道的戒毒法律常识",
        when=days_ago(41),
        summary="吸毒是违法行为，但法律也为吸毒人员留出了回头路。自愿戒毒、社区戒毒、强制隔离戒毒"
        "和社区康复分别是什么？一文说清。",
        categories=("community", "family"),
        tags=("戒毒", "法律常识", "社区戒毒社区康复"),
        cover="law_book",
        body=[
            text(
                "<p>在我国，吸食、注射毒品是违法行为，依照《治安管理处罚法》给予拘留、罚款等"
                "治安管理处罚；吸毒成瘾的，还要依法戒毒。《中华人民共和国禁毒法》规定了以下几种戒毒措施。</p>"
                "<h2>自愿戒毒</h2>"
                "<p>吸毒人员可以自行到有戒毒治疗资质的医疗机构接受戒毒治疗。"
                "<b>吸毒人员主动到公安机关登记或者到有资质的医疗机构接受戒毒治疗的，不予处罚</b>"
                "（《禁毒法》第六十二条）。</p>"
                "<h2>社区戒毒</h2>"
                "<p>对吸毒成瘾人员，公安机关可以责令其接受社区戒毒，期限为三年，由街道办事处、"
                "乡镇人民政府负责，戒毒人员应当遵守社区戒毒协议。</p>"
                "<h2>强制隔离戒毒</h2>"
                "<p>拒绝接受社区戒毒、在社区戒毒期间吸食或注射毒品、严重违反社区戒毒协议，或者经社区"
                "戒毒、强制隔离戒毒后再次吸食、注射毒品的，由县级以上人民政府公安机关作出强制隔离"
                "戒毒的决定；吸毒成瘾严重、通过社区戒毒难以戒除毒瘾的，也可以直接决定强制隔离戒毒。"
                "强制隔离戒毒的期限为二年；执行一年后经诊断评估戒毒情况良好的，可以提前解除，"
                "需要延长的，最长可以延长一年（《禁毒法》第四十七条）。</p>"
                "<h2>社区康复</h2>"
                "<p>解除强制隔离戒毒后，可以被责令接受不超过三年的社区康复，巩固戒毒成果。</p>"
            ),
            callout(
                "warning",
                "吸毒不是“个人私事”",
                "<p>吸毒违法；容留他人吸毒，引诱、教唆、欺骗他人吸毒，都可能构成犯罪。"
                "把毒品送给他人同样违法；贩卖毒品，<b>无论数量多少</b>，都要被追究刑事责任。</p>",
            ),
            HELP_CALLOUT,
        ],
    ),
    ArticleSpec(
        slug="venues-campaign",
        title="全市娱乐场所禁毒宣传“进场所”专项行动启动",
        when=days_ago(152),
        summary="市禁毒办联合文旅、公安等部门在全市歌舞娱乐场所、酒吧、网吧和旅馆开展禁毒宣传"
        "进场所专项行动，从业人员全员培训，场所签订禁毒承诺书。",
        categories=("venues",),
        tags=("禁毒宣传进场所", "娱乐场所", "禁毒承诺书"),
        cover="venue_night",
        body=[
            text(
                "<p>为从源头上防范毒品在娱乐场所滋生蔓延，市禁毒办联合市文化广电旅游局、市公安局"
                "启动禁毒宣传“进场所”专项行动。行动覆盖全市歌舞娱乐场所、酒吧、网吧、旅馆等"
                "重点场所，为期三个月。</p>"
                "<ul><li>全员培训：场所经营者和从业人员参加禁毒知识培训和测试；</li>"
                "<li>公开承诺：场所签订《禁毒承诺书》，在显著位置张贴禁毒标识和举报电话；</li>"
                "<li>巡查报告：场所建立巡查制度，发现涉毒活动立即向公安机关报告；</li>"
                "<li>联合检查：相关部门开展联合检查，对涉毒场所依法从严处罚。</li></ul>"
            ),
            image("venue_night", "娱乐场所张贴禁毒标识（示意图）"),
            text(
                "<p>据介绍，我市已建立娱乐场所禁毒管理自律机制和从业人员禁毒培训机制。"
                "对发生涉毒问题的场所，依法责令停业整顿；情节严重的，依法吊销许可证。</p>"
            ),
            callout(
                "warning",
                "提醒场所经营者",
                "<p>为他人吸食、注射毒品提供场所属于容留他人吸毒，依照《禁毒法》给予拘留、罚款；"
                "构成犯罪的，以容留他人吸毒罪追究刑事责任（《刑法》第三百五十四条）。</p>",
            ),
        ],
    ),
    ArticleSpec(
        slug="synthetic-cannabinoid-vapes",
        title="“上头电子烟”不是电子烟：认清合成大麻素的真面目",
        when=days_ago(63),
        summary="一些不法分子把合成大麻素掺进电子烟油，以“解压”“提神”为名向年轻人兜售。"
        "合成大麻素类物质自2021年7月1日起已在我国整类列管，属于毒品。",
        categories=("school", "venues"),
        tags=("新精神活性物质", "合成大麻素", "电子烟"),
        cover="vape_warning",
        body=[
            text(
                "<p>“上头电子烟”外观与普通电子烟几乎一样，但烟油中添加了合成大麻素类物质。"
                "这类物质作用于人体的大麻素受体，效果比天然大麻强烈得多，吸食后会出现头晕、"
                "呕吐、心悸、幻觉，严重的会意识丧失、抽搐甚至死亡。</p>"
                "<p><b>自2021年7月1日起，合成大麻素类物质被整类列入《非药用类麻醉药品和精神药品"
                "管制品种增补目录》</b>。这意味着凡化学结构符合该类物质定义的，即使没有被逐个列名，"
                "也属于国家管制的毒品。贩卖、运输添加了合成大麻素的电子烟油，无论数量多少，"
                "都应当追究刑事责任（《刑法》第三百四十七条）。</p>"
            ),
            image("vape_warning", "“上头电子烟”外观与普通电子烟相似（示意图）"),
            text(
                "<h2>怎样识别</h2>"
                "<ul><li>宣传语中带有“上头”“解压”“飘”“助眠”等字眼；</li>"
                "<li>价格明显高于普通电子烟，通过熟人或网络私下交易；</li>"
                "<li>吸后出现眩晕、反应迟钝、行为失控。</li></ul>"
                "<p>国家规定，任何人不得向未成年人销售电子烟。青少年不要吸食来历不明的电子烟。</p>"
            ),
            HELP_CALLOUT,
        ],
    ),
    ArticleSpec(
        slug="enterprise-zero-plan",
        title="职工拒绝毒品“零计划”：禁毒宣传走进江州经济开发区",
        when=days_ago(101),
        summary="市禁毒办在江州经济开发区开展“职工拒绝毒品零计划”宣传，20余家企业的职工参加禁毒"
        "讲座和知识答题，化工企业同步接受易制毒化学品管理培训。",
        categories=("enterprise",),
        tags=("禁毒宣传进企业", "职工拒绝毒品零计划", "易制毒化学品"),
        cover="factory",
        body=[
            text(
                "<p>市禁毒办、市总工会在江州经济开发区举办“职工拒绝毒品零计划”宣传活动。"
                "开发区20余家企业的一线职工、管理人员参加了禁毒讲座，现场参与禁毒知识有奖问答。</p>"
                "<p>活动中，禁毒民警结合典型案例，提醒职工警惕“提神药”“解乏药”，不要因为加班、"
                "倒班而接触所谓的“兴奋剂”。各企业还选出了本单位的禁毒宣传员，负责日常宣传。</p>"
            ),
            image("factory", "禁毒宣传走进工业园区（示意图）"),
            text(
                "<h2>易制毒化学品不能“放任自流”</h2>"
                "<p>针对园区内的化工企业，公安、应急管理等部门开展了易制毒化学品管理培训，"
                "要求企业严格落实购买、运输、储存、使用台账制度，严防易制毒化学品流入非法渠道。"
                "违反国家规定，非法生产、买卖、运输制毒物品，情节较重的，依照《刑法》第三百五十条"
                "追究刑事责任。</p>"
            ),
            quote(
                "企业是职工的“第二个家”，禁毒宣传进企业，就是为职工的家庭守好一道门。",
                "开发区某企业工会主席",
            ),
        ],
    ),
    ArticleSpec(
        slug="logistics-responsibility",
        title="全市寄递物流企业签订禁毒责任书　严防毒品经寄递渠道流通",
        when=days_ago(26),
        summary="市禁毒办、市邮政管理局组织全市寄递物流企业签订禁毒责任书，落实收寄验视、"
        "实名收寄、过机安检三项制度。",
        categories=("enterprise",),
        tags=("禁毒宣传进企业", "寄递物流", "三项制度"),
        cover="parcel_check",
        body=[
            text(
                "<p>市禁毒办、市邮政管理局日前召开寄递渠道禁毒工作会议，全市46家快递、物流企业"
                "签订禁毒工作责任书。会议要求各企业严格落实<b>收寄验视、实名收寄、过机安检</b>"
                "三项制度，加强对快递员、分拣员的禁毒培训。</p>"
            ),
            image("parcel_check", "寄递企业对包裹进行验视和安检（示意图）"),
            text(
                "<p>禁毒民警提醒：不要替不认识的人代收、代寄包裹；遇到要求“高价代收快递”的情况，"
                "要提高警惕。明知是毒品而帮助邮寄、运输的，同样构成毒品犯罪。</p>"
            ),
            HELP_CALLOUT,
        ],
    ),
    ArticleSpec(
        slug="letter-to-parents",
        title="不让毒品进我家：写给家长的禁毒提示",
        when=days_ago(34),
        summary="家庭是预防青少年吸毒的第一道防线。家长如何发现孩子的异常？如何和孩子谈毒品？"
        "这份提示请收好。",
        categories=("family",),
        tags=("不让毒品进我家", "家庭教育", "青少年毒品预防教育"),
        cover="family_home",
        body=[
            text(
                "<p>《中华人民共和国禁毒法》规定，未成年人的父母或者其他监护人应当对未成年人进行"
                "毒品危害的教育，防止其吸食、注射毒品或者进行其他毒品违法犯罪活动。"
                "家长是孩子最好的禁毒老师。</p>"
                "<h2>留意这些异常信号</h2>"
                "<ul><li>情绪反复无常，容易烦躁或异常兴奋；</li>"
                "<li>学习成绩突然下降，经常逃课、晚归；</li>"
                "<li>作息颠倒，食欲明显减退，体重下降；</li>"
                "<li>零花钱去向不明，家中财物无故减少；</li>"
                "<li>身上或房间里出现锡纸、吸管、不明药片或电子烟。</li></ul>"
            ),
            image("family_home", "不让毒品进我家（示意图）"),
            text(
                "<h2>家长可以这样做</h2>"
                "<p>以身作则，营造温暖的家庭氛围；多陪伴、多倾听，了解孩子交往的朋友；"
                "和孩子一起参加禁毒知识答题、参观禁毒教育基地。发现问题时不要打骂、不要隐瞒，"
                "及时与学校和禁毒部门联系。</p>"
            ),
            download("family_handbook", "《青少年毒品预防教育家庭读本》文本版，欢迎下载转发。"),
            HELP_CALLOUT,
        ],
    ),
    ArticleSpec(
        slug="disguised-drugs",
        title="警惕！这些新型毒品伪装成了零食和饮料",
        when=days_ago(12),
        summary="奶茶粉、咖啡包、跳跳糖、“邮票”……一些新型毒品披着零食、饮料的外衣，专门瞄准"
        "青少年。学会识别，才能远离。",
        categories=("school", "family"),
        tags=("新型毒品", "青少年毒品预防教育", "识毒防毒"),
        cover="disguised",
        body=[
            text(
                "<p>为逃避查缉、降低人们的戒备心，不法分子把毒品伪装成各种日常食品和饮品："
                "速溶奶茶粉、咖啡包、跳跳糖、果冻、巧克力、饼干，甚至是印有卡通图案的“邮票”。"
                "这些东西包装花哨、名字新潮，常在聚会、娱乐场所中出现。</p>"
            ),
            image("disguised", "色彩鲜艳的片剂和“零食”可能是伪装的毒品（示意图）"),
            text(
                "<h2>记住三个“不”</h2>"
                "<ul><li>不接受陌生人或刚认识的朋友给的饮料、零食；</li>"
                "<li>不喝离开过自己视线的饮料；</li>"
                "<li>不尝试包装上没有正规生产信息、宣称能“助兴”“解压”的食品。</li></ul>"
                "<p>另外提醒：“笑气”（一氧化二氮）目前虽未被列入我国毒品管制目录，但它属于危险化学品，"
                "滥用会导致神经损伤，严重的可致瘫痪，同样不要尝试。</p>"
            ),
            callout(
                "help",
                "怀疑误服了毒品怎么办？",
                "<p>立即停止食用，告诉身边可信任的人，尽快就医；情况危急时拨打 <b>120</b>；"
                "发现有人兜售可疑物品，请拨打 <b>110</b> 举报。</p>",
            ),
        ],
    ),
    ArticleSpec(
        slug="no-poppy-planting",
        title="禁种铲毒：房前屋后种罂粟同样违法",
        when=last_yearly(5, 12),
        summary="有群众以为在房前屋后种几株罂粟当调料、治病或观赏“没关系”。事实上，非法种植罂粟"
        "违法，达到一定数量还构成犯罪。",
        categories=("rural",),
        tags=("禁种铲毒", "禁毒宣传进农村", "无毒村组"),
        cover="poppy_warning",
        body=[
            text(
                "<p>每年春夏之交是罂粟开花的季节。禁毒部门在踏查中发现，个别群众受“罂粟壳能治病”"
                "“拿来当火锅调料”等错误观念影响，在菜地、院落里零星种植罂粟。</p>"
                "<h2>法律怎么规定</h2>"
                "<ul><li>非法种植罂粟、大麻等毒品原植物的，<b>一律强制铲除</b>；</li>"
                "<li>种植罂粟不满五百株的，依照《治安管理处罚法》给予拘留、罚款；</li>"
                "<li>种植罂粟五百株以上，或者经公安机关处理后又种植，或者抗拒铲除的，"
                "依照《刑法》第三百五十一条追究刑事责任；三千株以上的，处五年以上有期徒刑；</li>"
                "<li>在收获前自动铲除的，可以免除处罚。</li></ul>"
                "<p>餐饮经营者在食品中添加罂粟壳，涉嫌生产、销售有毒、有害食品罪。</p>"
            ),
            image("poppy_warning", "罂粟与观赏植物虞美人外形相近，需要仔细辨别（示意图）"),
            text(
                "<h2>罂粟和虞美人怎么区分</h2>"
                "<p>虞美人的茎和叶片上有明显的绒毛，叶片羽状深裂；罂粟的茎叶光滑、表面有白粉，"
                "叶片边缘有不规则锯齿，叶基部抱茎。不能确定时，请联系当地派出所或村委会辨认。</p>"
            ),
            HELP_CALLOUT,
        ],
    ),
    ArticleSpec(
        slug="caravan-rural-markets",
        title="“禁毒大篷车”开进乡村集市",
        when=days_ago(45),
        summary="利用墟日人流集中的时机，“禁毒大篷车”开进青石镇农贸市场，展板、模型、有奖问答"
        "吸引赶集群众驻足，禁毒知识送到田间地头。",
        categories=("rural",),
        tags=("禁毒宣传进农村", "无毒村组", "禁毒大篷车"),
        cover="caravan",
        body=[
            text(
                "<p>又逢青石镇墟日。当天上午，市禁毒办的“禁毒大篷车”在农贸市场入口摆开展台，"
                "毒品模型、禁种铲毒展板和禁毒宣传单吸引了不少赶集群众。镇禁毒办和驻村干部用方言"
                "讲解毒品危害和禁种铲毒的法律规定，现场发放宣传资料1200余份。</p>"
            ),
            image("caravan", "“禁毒大篷车”在集市开展宣传（示意图）"),
            text(
                "<p>镇里以创建“无毒村组”为载体，把禁毒工作纳入村规民约，与各村签订禁毒工作目标"
                "责任书，做到禁毒知识进村入户。</p>"
            ),
            quote(
                "以前只听说毒品害人，今天才知道自家院子里种罂粟也犯法，回去要跟乡亲们说说。",
                "青石镇赶集村民",
            ),
        ],
    ),
    ArticleSpec(
        slug="june-26-day",
        title="6·26国际禁毒日：我市举行集中宣传暨毒品销毁活动",
        when=last_june_26,
        summary="6·26国际禁毒日当天，我市在禁毒教育基地广场举行集中宣传暨毒品销毁活动，"
        "各区同步开展禁毒宣传进社区、进校园、进家庭活动。",
        categories=("community", "venues"),
        tags=("6·26国际禁毒日", "全民禁毒", "毒品销毁"),
        cover="june26",
        body=[
            text(
                "<p>6月26日是国际禁毒日。当天上午，我市6·26国际禁毒日集中宣传暨毒品销毁活动"
                "在江州市禁毒教育基地广场举行。活动现场，一批依法收缴的毒品被集中运往指定地点"
                "进行无害化销毁。</p>"
                "<p>活动同时启动了“全民禁毒　共建无毒江州”系列宣传，各区围绕禁毒宣传进场所、"
                "进社区、进学校、进企业、进家庭、进农村同步开展活动，力争禁毒知识人人知晓。</p>"
            ),
            image("june26", "6·26国际禁毒日集中宣传活动（示意图）"),
            quote("毒品一日不除，禁毒斗争就一日不能松懈。", "禁毒工作宣传语"),
            download("poster_626", "活动宣传海报，可下载打印张贴。"),
        ],
    ),
    ArticleSpec(
        slug="what-is-meth",
        title="冰毒到底有多危险？一文读懂合成毒品",
        when=days_ago(5),
        summary="冰毒、摇头丸、K粉都是合成毒品。有人说合成毒品“不上瘾”“只是助兴”，这是危险的误区。",
        categories=("school", "community"),
        tags=("合成毒品", "冰毒", "青少年毒品预防教育"),
        cover="synthetic",
        body=[
            text(
                "<p>合成毒品是相对于鸦片、海洛因等传统毒品而言的，主要是用化学方法人工合成的"
                "兴奋剂、致幻剂类物质，冰毒、摇头丸和K粉是其中最常见的几种。近年来，我国滥用"
                "合成毒品的人数已超过滥用海洛因等传统毒品的人数，青少年是受害最深的群体之一。</p>"
                "<h2>误区一：合成毒品不上瘾</h2>"
                "<p>冰毒的主要成分是甲基苯丙胺，它对中枢神经的刺激极强，极易形成心理依赖，"
                "许多人在几次吸食后就难以自拔。</p>"
                "<h2>误区二：偶尔吸一次没关系</h2>"
                "<p>长期或大量吸食冰毒会引起幻觉和被害妄想，有人因此伤人、自伤，甚至驾车肇事。"
                "即使是第一次吸食，也可能因心律失常、高热而危及生命。</p>"
            ),
            image("synthetic", "合成毒品常以片剂、粉末、晶体等形态出现（示意图）"),
            text("<p>想更多了解冰毒、摇头丸和K粉的外观、俗称和危害，请查看本站的毒品图鉴。</p>"),
            callout(
                "warning",
                "记住",
                "<p>毒品没有“安全剂量”，也没有“只试一次”。拒绝第一口，就是拒绝毒品。</p>",
            ),
            HELP_CALLOUT,
        ],
    ),
    ArticleSpec(
        slug="youth-quiz-preliminary",
        title="全市青少年禁毒知识竞赛初赛落幕　32支队伍晋级决赛",
        when=days_ago(18),
        summary="“青少年与合成毒品”禁毒知识竞赛初赛结束，全市中小学生踊跃参与线上答题，"
        "32支学校代表队晋级决赛。",
        categories=("school",),
        tags=("禁毒知识竞赛", "青少年毒品预防教育", "学生毒品知晓率"),
        cover="quiz_trophy",
        body=[
            text(
                "<p>由市禁毒办、市教育局、团市委联合主办的“青少年与合成毒品”禁毒知识竞赛初赛"
                "日前落下帷幕。初赛采用线上答题方式，全市中小学生通过本平台参加答题，"
                "各校按平均成绩和答题参与率排名，32支学校代表队晋级决赛。</p>"
                "<p>题目涵盖毒品种类、毒品危害、禁毒法律、拒毒技巧和求助方式五个方面，"
                "每道题作答后都会给出解析，帮助同学们“错题变考点”。</p>"
            ),
            image("quiz_trophy", "禁毒知识竞赛（示意图）"),
            text("<p>决赛将在江州市青少年活动中心举行，欢迎师生和家长到场观赛。</p>"),
        ],
    ),
]

EVENTS = [
    EventSpec(
        slug="june-26-rally",
        title="6·26国际禁毒日集中宣传暨毒品销毁活动",
        when=last_june_26,
        start=datetime.time(9, 0),
        end=datetime.time(11, 30),
        place="江州市禁毒教育基地广场（滨江区人民路188号）",
        summary="国际禁毒日集中宣传、毒品销毁和禁毒宣传展。",
        cover="june26",
        body=[
            text(
                "<p>活动包括禁毒成果展示、毒品集中销毁、禁毒志愿者宣誓和禁毒宣传展。"
                "展区全天向市民开放。</p>"
            )
        ],
    ),
    EventSpec(
        slug="binjiang-community-talk",
        title="禁毒知识进社区专场讲座（滨江街道）",
        when=days_ago(22),
        start=datetime.time(14, 30),
        end=datetime.time(16, 0),
        place="滨江街道社区服务中心三楼多功能厅",
        summary="禁毒民警讲解新型毒品识别和家庭防毒要点，现场答疑。",
        cover="community_houses",
        body=[
            text(
                "<p>讲座面向社区居民，重点介绍伪装成零食、饮料的新型毒品和“上头电子烟”，"
                "讲解家长如何发现孩子的异常变化。讲座后禁毒社工现场答疑。</p>"
            )
        ],
    ),
    EventSpec(
        slug="qingshi-market-caravan",
        title="禁毒大篷车进集市（青石镇墟日）",
        when=days_ago(45),
        start=datetime.time(8, 30),
        end=datetime.time(12, 0),
        place="青石镇农贸市场入口",
        summary="禁毒展板、毒品模型、禁种铲毒宣传和有奖问答。",
        cover="caravan",
        body=[text("<p>利用墟日人流集中的时机，把禁毒知识送到赶集群众身边。</p>")],
    ),
    EventSpec(
        slug="enterprise-trainers",
        title="企业禁毒宣传员培训班",
        when=days_ago(10),
        start=datetime.time(9, 30),
        end=datetime.time(11, 30),
        place="江州经济开发区管委会三楼会议室",
        summary="为开发区各企业的禁毒宣传员讲解宣传方法和易制毒化学品管理要求。",
        cover="factory",
        body=[
            text(
                "<p>培训内容：企业禁毒宣传怎么做、职工常见涉毒风险、易制毒化学品管理台账。"
                "参训人员结业后负责本单位的日常禁毒宣传。</p>"
            )
        ],
    ),
    EventSpec(
        slug="base-open-day",
        title="禁毒教育基地公众开放日",
        when=days_ahead(7),
        start=datetime.time(9, 0),
        end=datetime.time(16, 30),
        place="江州市禁毒教育基地（滨江区人民路188号）",
        summary="面向市民和家庭开放，讲解员全程导览，设有亲子互动体验区。",
        cover="base_museum",
        body=[
            text(
                "<p>开放日当天，基地安排讲解员分时段导览，并开放互动体验区。"
                "个人和家庭请提前在本平台预约参观时段，凭预约码入场。</p>"
            ),
            callout(
                "info",
                "参观须知",
                "<ul><li>免费参观，请提前预约；</li><li>未成年人须由监护人陪同；</li>"
                "<li>馆内请勿饮食、大声喧哗。</li></ul>",
            ),
        ],
    ),
    EventSpec(
        slug="youth-quiz-final",
        title="“青少年与合成毒品”禁毒知识竞赛决赛",
        when=days_ahead(14),
        start=datetime.time(14, 0),
        end=datetime.time(17, 0),
        place="江州市青少年活动中心剧场",
        summary="32支学校代表队同台竞技，设必答、抢答和情景判断三个环节。",
        cover="quiz_trophy",
        body=[
            text(
                "<p>决赛设必答题、抢答题和情景判断题三个环节，现场观众可参与互动答题。"
                "欢迎师生和家长到场观赛。</p>"
            )
        ],
    ),
    EventSpec(
        slug="parents-class",
        title="家长课堂：如何和孩子谈毒品",
        when=days_ahead(20),
        start=datetime.time(19, 0),
        end=datetime.time(20, 30),
        place="江州市实验中学报告厅",
        summary="心理教师和禁毒社工教家长识别孩子的异常信号、开展家庭禁毒教育。",
        cover="family_home",
        body=[
            text(
                "<p>面向中小学生家长。内容包括青少年接触毒品的常见途径、异常信号识别、"
                "亲子沟通技巧和求助渠道。</p>"
            ),
            download("family_handbook", "课前可下载家庭读本预习。"),
        ],
    ),
    EventSpec(
        slug="volunteer-training",
        title="禁毒志愿者培训班（第四期）",
        when=days_ahead(27),
        start=datetime.time(9, 0),
        end=datetime.time(12, 0),
        place="江州市禁毒教育基地二楼报告厅",
        summary="招募并培训禁毒志愿者，结业后参与基地讲解和社区宣传。",
        cover="shield",
        body=[
            text(
                "<p>培训内容：禁毒基础知识、讲解技巧、宣传活动组织。"
                "年满18周岁、热心公益的市民均可报名。</p>"
            )
        ],
    ),
]


def _june_26_campaign_dates(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    day = last_june_26(today)
    return day.replace(day=1), day.replace(day=30)


def _youth_campaign_dates(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    return today - datetime.timedelta(days=35), today + datetime.timedelta(days=55)


CAMPAIGNS = [
    CampaignSpec(
        slug="youth-and-synthetic-drugs",
        title="青少年与合成毒品",
        theme="识毒　防毒　拒毒——青少年毒品预防教育专项行动",
        dates=_youth_campaign_dates,
        summary="面向全市中小学生和大学生的毒品预防教育专项行动：禁毒课堂、知识答题、"
        "基地参观和家长课堂，目标是学生毒品知晓率100%。",
        cover="youth",
        body=[
            text(
                "<p>合成毒品和新精神活性物质花样翻新，伪装性强，青少年是最容易受到侵害的群体。"
                "本专项行动以“青少年与合成毒品”为主题，推动青少年毒品预防教育进教材、进课堂，"
                "力争全市学生毒品知晓率达到100%。</p>"
                "<h2>行动内容</h2>"
                "<ul><li><b>禁毒课堂</b>：禁毒讲师送教进校园，每校至少开展一次专题讲座；</li>"
                "<li><b>知识答题</b>：全市学生参加禁毒知识答题，成绩计入学校知晓率；</li>"
                "<li><b>基地参观</b>：各校分批组织学生参观禁毒教育基地；</li>"
                "<li><b>家长课堂</b>：开展“不让毒品进我家”家庭教育活动。</li></ul>"
            ),
            image("youth", "青少年毒品预防教育专项行动（示意图）"),
            callout(
                "info",
                "学校怎样参加",
                "<p>学校禁毒工作联络员在本平台登记学校和班级信息后，即可组织学生答题、"
                "查看本校知晓率、预约基地参观和申请禁毒讲师进校。</p>",
            ),
        ],
        related=(
            "what-is-meth",
            "synthetic-cannabinoid-vapes",
            "disguised-drugs",
            "youth-quiz-preliminary",
            "school-first-lesson",
            "base-open-day",
            "youth-quiz-final",
            "parents-class",
        ),
    ),
    CampaignSpec(
        slug="june-26",
        title="6·26国际禁毒日",
        theme="全民禁毒　共建无毒江州",
        dates=_june_26_campaign_dates,
        summary="围绕6·26国际禁毒日，全市开展集中宣传、毒品销毁和禁毒宣传“六进”系列活动。",
        cover="june26",
        body=[
            text(
                "<p>1987年6月，联合国在维也纳召开的麻醉品滥用和非法贩运问题部长级会议上，"
                "提出了“爱生命，不吸毒”的口号，同年联合国大会决定将每年的6月26日定为"
                "“禁止药物滥用和非法贩运国际日”，即国际禁毒日。</p>"
                "<p>每年6月，我市围绕国际禁毒日开展集中宣传月活动，以禁毒宣传进场所、进社区、"
                "进学校、进企业、进家庭、进农村为载体，推动禁毒知识人人知晓、禁毒斗争全民参与。</p>"
            ),
            image("june26", "6·26国际禁毒日（示意图）"),
            download("poster_626", "宣传海报（PDF），欢迎各单位下载打印。"),
        ],
        related=("june-26-day", "venues-campaign", "june-26-rally"),
    ),
]

_TRAFFICKING = (
    "<li>走私、贩卖、运输、制造毒品，<b>无论数量多少，都应当追究刑事责任</b>"
    "（《刑法》第三百四十七条）；毒品数量以查证属实的数量计算，不以纯度折算（第三百五十七条）。</li>"
)
_USE = (
    "<li>吸食、注射毒品是违法行为，依照《治安管理处罚法》给予拘留、罚款等治安管理处罚；"
    "吸毒成瘾的，依照《禁毒法》责令接受社区戒毒或者决定强制隔离戒毒。</li>"
)
_SHELTER = (
    "<li>引诱、教唆、欺骗或者强迫他人吸食、注射毒品，容留他人吸食、注射毒品，都是违法行为；"
    "构成犯罪的，依照《刑法》第三百五十三条、第三百五十四条追究刑事责任。引诱、教唆、欺骗"
    "或者强迫未成年人吸食、注射毒品的，从重处罚。</li>"
)

DRUG_FACTS = [
    DrugFactSpec(
        slug="heroin",
        title="海洛因",
        kind="traditional",
        street_names="白粉、白面、四号",
        summary="由吗啡经化学加工制成的阿片类毒品，成瘾性极强，被称为“毒品之王”。",
        appearance="<ul><li>多为白色或灰白色粉末，俗称“四号”；</li>"
        "<li>也有浅棕色、褐色的粉末或颗粒；</li><li>常用锡纸、小纸包或塑料袋分装。</li></ul>",
        effects="<p>海洛因（二乙酰吗啡）抑制中枢神经。吸食后出现短暂的欣快感，随后嗜睡、"
        "反应迟钝、呼吸变慢。停用后出现流泪、流涕、打哈欠、全身酸痛、腹泻、失眠等"
        "<b>戒断症状</b>，迫使吸食者反复用药。</p>",
        harms="<ul><li>极易成瘾，身体依赖和心理依赖都很强；</li>"
        "<li>过量可致呼吸抑制而死亡；</li>"
        "<li>注射吸毒、共用针具会传播艾滋病、丙型肝炎等疾病；</li>"
        "<li>长期吸食导致消瘦、免疫力下降，并严重损害家庭和社会。</li></ul>",
        legal_status="<ul><li>《禁毒法》第二条、《刑法》第三百五十七条均明确将海洛因列为毒品。</li>"
        + _TRAFFICKING
        + "<li>走私、贩卖、运输、制造海洛因五十克以上的，处十五年有期徒刑、无期徒刑或者死刑，"
        "并处没收财产；非法持有海洛因十克以上的，构成非法持有毒品罪（第三百四十八条）。</li>"
        + _USE
        + "</ul>",
        cover="heroin",
        gallery=(
            ("heroin", "海洛因多为白色或灰白色粉末（示意图）"),
            ("heroin_2", "也有浅棕色、褐色的粉末或颗粒（示意图）"),
        ),
    ),
    DrugFactSpec(
        slug="methamphetamine",
        title="冰毒（甲基苯丙胺）",
        kind="synthetic",
        street_names="冰、麻古（片剂）",
        summary="最常见的合成毒品之一，外观像冰糖，对中枢神经有强烈兴奋作用，易引发精神病性症状。",
        appearance="<ul><li>无色透明或白色的结晶体，形似冰糖、碎玻璃，故称“冰毒”；</li>"
        "<li>与咖啡因等混合压制的红色、绿色等小药片俗称“麻古”；</li>"
        "<li>常配合自制吸壶（“溜冰壶”）吸食，吸食冰毒俗称“溜冰”。</li></ul>",
        effects="<p>甲基苯丙胺强烈兴奋中枢神经。吸食后精神亢奋、不知疲倦、食欲下降，"
        "心跳加快、血压升高、体温上升；药效过后极度疲惫、情绪低落。</p>",
        harms="<ul><li>极易形成心理依赖，反复吸食难以自拔；</li>"
        "<li>导致幻觉、被害妄想等精神病性症状，可能引发伤人、自伤或“毒驾”肇事；</li>"
        "<li>损害心脑血管，可致心律失常、脑出血；</li>"
        "<li>严重损害牙齿和皮肤，人迅速消瘦、衰老。</li></ul>",
        legal_status="<ul><li>《刑法》第三百五十七条明确将甲基苯丙胺（冰毒）列为毒品；"
        "甲基苯丙胺同时列入《精神药品品种目录》第一类管制。</li>"
        + _TRAFFICKING
        + "<li>走私、贩卖、运输、制造甲基苯丙胺五十克以上的，处十五年有期徒刑、无期徒刑或者死刑，"
        "并处没收财产；非法持有十克以上的，构成非法持有毒品罪。</li>" + _USE + _SHELTER + "</ul>",
        cover="meth",
        gallery=(("meth", "冰毒晶体形似冰糖（示意图）"), ("meth_2", "冰毒晶体示意图")),
    ),
    DrugFactSpec(
        slug="mdma",
        title="摇头丸（MDMA）",
        kind="synthetic",
        street_names="摇头丸、E仔、快乐丸",
        summary="以MDMA（3,4-亚甲二氧基甲基苯丙胺）为主要成分的片剂，兼有兴奋和致幻作用。",
        appearance="<ul><li>多为各种颜色的片剂，表面常压有卡通图案、字母或标志；</li>"
        "<li>也有胶囊、粉末或晶体形态；</li><li>外观像糖果，具有很强的迷惑性。</li></ul>",
        effects="<p>吸食后情绪高涨、感觉敏锐，在音乐刺激下不停摇头摆动，体温升高、大量出汗、"
        "口渴；药效过后出现疲惫、抑郁、焦虑。</p>",
        harms="<ul><li>高热、脱水，严重时导致横纹肌溶解、急性肾衰竭甚至死亡；</li>"
        "<li>损害大脑中负责情绪和记忆的神经，导致抑郁、记忆力下降；</li>"
        "<li>片剂成分往往不明，可能混有冰毒、K粉等其他毒品。</li></ul>",
        legal_status="<ul><li>MDMA列入《精神药品品种目录》第一类，属于《禁毒法》规定的"
        "“国家规定管制的其他能够使人形成瘾癖的精神药品”，即毒品。</li>"
        + _TRAFFICKING
        + _USE
        + _SHELTER
        + "</ul>",
        cover="mdma",
        gallery=(
            ("mdma", "摇头丸片剂颜色鲜艳、压有图案（示意图）"),
            ("mdma_2", "摇头丸片剂示意图"),
        ),
    ),
    DrugFactSpec(
        slug="ketamine",
        title="K粉（氯胺酮）",
        kind="synthetic",
        street_names="K粉、K仔",
        summary="氯胺酮本是医用麻醉药，被非法滥用时称为“K粉”，具有致幻作用，严重损害泌尿系统。",
        appearance="<ul><li>白色结晶粉末，无臭，易溶于水；</li>"
        "<li>常被掺入饮料、酒水或卷入香烟中，不易察觉。</li></ul>",
        effects="<p>氯胺酮是一种分离性麻醉剂。滥用后出现意识与感觉分离、幻觉、"
        "动作失调、反应迟钝，对周围环境失去判断。</p>",
        harms="<ul><li>导致氯胺酮相关性膀胱炎：尿频、尿急、尿痛、血尿，严重时膀胱挛缩、"
        "需要手术治疗；</li><li>损害记忆力和认知功能；</li>"
        "<li>意识不清时容易发生意外伤害或遭受侵害。</li></ul>",
        legal_status="<ul><li>氯胺酮列入《精神药品品种目录》第一类，医疗使用受到严格管控；"
        "非法生产、买卖、吸食均属违法。</li>" + _TRAFFICKING + _USE + "</ul>",
        cover="ketamine",
        gallery=(("ketamine", "K粉为白色结晶粉末（示意图）"), ("ketamine_2", "K粉粉末示意图")),
    ),
    DrugFactSpec(
        slug="cannabis",
        title="大麻",
        kind="traditional",
        street_names="叶子、草、哈希（大麻脂）",
        summary="由大麻植物制成的毒品，主要致幻成分为四氢大麻酚（THC）。"
        "境外一些地方所谓“合法化”不改变我国法律规定。",
        appearance="<ul><li>大麻烟：大麻植物的干叶、花穗碎末，黄绿色或褐色；</li>"
        "<li>大麻脂：棕褐色或黑色的块状物；</li><li>大麻油：黏稠的深色液体；</li>"
        "<li>也有被做成饼干、软糖等食品的形态。</li></ul>",
        effects="<p>吸食后出现欣快、放松、时间和空间感觉扭曲，短期记忆和注意力下降，"
        "动作协调能力变差，心跳加快。</p>",
        harms="<ul><li>损害记忆、注意力和学习能力，对大脑正在发育的青少年危害更大；</li>"
        "<li>增加焦虑、抑郁和精神分裂症等精神障碍的风险；</li>"
        "<li>损害呼吸系统；吸食后驾车极易发生事故；</li>"
        "<li>常被称为“入门毒品”，吸食大麻可能成为接触其他毒品的开始。</li></ul>",
        legal_status="<ul><li>《禁毒法》第二条、《刑法》第三百五十七条明确将大麻列为毒品。</li>"
        + _TRAFFICKING
        + "<li>非法种植大麻等毒品原植物的，一律强制铲除；数量较大的，依照《刑法》第三百五十一条"
        "追究刑事责任。</li>"
        + _USE
        + "<li>境外部分国家和地区的所谓“大麻合法化”不改变我国法律规定，出境在外同样切勿接触。</li>"
        "</ul>",
        cover="cannabis",
        gallery=(
            ("cannabis", "大麻叶为掌状复叶，边缘有锯齿（示意图）"),
            ("cannabis_2", "大麻叶示意图"),
        ),
    ),
    DrugFactSpec(
        slug="cocaine",
        title="可卡因",
        kind="traditional",
        street_names="可卡、快克（块状可卡因）",
        summary="从古柯叶中提取的生物碱，强烈兴奋中枢神经，心理依赖极强。",
        appearance="<ul><li>盐酸可卡因为白色结晶粉末，味苦而麻；</li>"
        "<li>经化学处理后的块状物俗称“快克”，可加热吸食。</li></ul>",
        effects="<p>吸食后迅速产生欣快感、精力充沛感和自信感，作用时间较短，"
        "药效消退后疲惫、抑郁，驱使吸食者频繁吸食。</p>",
        harms="<ul><li>引起心律失常、心肌梗死、脑出血，可导致猝死；</li>"
        "<li>长期鼻吸会造成鼻黏膜溃烂、鼻中隔穿孔；</li>"
        "<li>导致焦虑、偏执、幻觉等精神症状。</li></ul>",
        legal_status="<ul><li>《禁毒法》第二条、《刑法》第三百五十七条明确将可卡因列为毒品。</li>"
        + _TRAFFICKING
        + _USE
        + "</ul>",
        cover="cocaine",
        gallery=(
            ("cocaine", "可卡因多为白色结晶粉末（示意图）"),
            ("cocaine_2", "可卡因粉末示意图"),
        ),
    ),
    DrugFactSpec(
        slug="opium",
        title="鸦片",
        kind="traditional",
        street_names="大烟、烟土、阿片",
        summary="罂粟未成熟蒴果中的乳汁干燥而成，是吗啡和海洛因的原料，也是最古老的毒品之一。",
        appearance="<ul><li>生鸦片为黑褐色或棕褐色的膏状、块状物，有特殊的刺激性气味，味苦；</li>"
        "<li>熟鸦片经加工后呈棕色，多用于烟枪吸食。</li></ul>",
        effects="<p>鸦片含吗啡、可待因等生物碱，有镇痛、催眠作用。吸食后产生欣快和昏沉感，"
        "反复吸食很快形成身体依赖。</p>",
        harms="<ul><li>成瘾后停用出现剧烈的戒断症状；</li>"
        "<li>长期吸食导致消瘦、便秘、免疫力下降，过量可致呼吸抑制死亡；</li>"
        "<li>近代鸦片泛滥给我国带来深重灾难，是禁毒教育的重要一课。</li></ul>",
        legal_status="<ul><li>《禁毒法》第二条、《刑法》第三百五十七条明确将鸦片列为毒品。</li>"
        + _TRAFFICKING
        + "<li>走私、贩卖、运输、制造鸦片一千克以上的，处十五年有期徒刑、无期徒刑或者死刑，"
        "并处没收财产；非法持有鸦片二百克以上的，构成非法持有毒品罪。</li>"
        "<li>非法种植罂粟五百株以上，或经公安机关处理后又种植，或抗拒铲除的，"
        "依照《刑法》第三百五十一条追究刑事责任；在收获前自动铲除的，可以免除处罚。</li>"
        + _USE
        + "</ul>",
        cover="opium",
        gallery=(
            ("opium", "罂粟花与蒴果（示意图）"),
            ("opium_2", "割开罂粟蒴果流出的乳汁干燥后即为生鸦片（示意图）"),
        ),
    ),
    DrugFactSpec(
        slug="fentanyl-substances",
        title="芬太尼类物质",
        kind="nps",
        street_names="",
        summary="强效合成阿片类物质。芬太尼是严格管制的医用麻醉药品，"
        "其非药用类似物自2019年5月1日起在我国整类列管。",
        appearance="<ul><li>多为白色粉末，也可能被压制成仿冒的药片，或混入其他毒品中；</li>"
        "<li>医用芬太尼有注射液、透皮贴剂等剂型，只能在医疗机构按规定使用。</li></ul>",
        effects="<p>芬太尼的镇痛作用约为吗啡的数十至上百倍。滥用后出现欣快、嗜睡、"
        "意识模糊，呼吸明显变慢。</p>",
        harms="<ul><li><b>极小剂量即可致命</b>，过量导致呼吸抑制、昏迷和死亡；</li>"
        "<li>常被掺入其他毒品或仿冒药片，使用者往往不知情；</li>"
        "<li>一些国家因芬太尼类物质滥用造成大量过量死亡。</li></ul>",
        legal_status="<ul><li>芬太尼列入《麻醉药品品种目录》，医疗使用受到严格管控。</li>"
        "<li>自2019年5月1日起，芬太尼类物质被整类列入《非药用类麻醉药品和精神药品管制品种增补目录》，"
        "属于毒品。</li>" + _TRAFFICKING + _USE + "</ul>",
        cover="fentanyl",
        gallery=(
            ("fentanyl", "芬太尼类物质示意图"),
            ("fentanyl_2", "仿冒药片中可能混有芬太尼类物质（示意图）"),
        ),
    ),
    DrugFactSpec(
        slug="synthetic-cannabinoids",
        title="合成大麻素（“上头电子烟”）",
        kind="nps",
        street_names="上头电子烟、香料、K2",
        summary="人工合成的大麻素受体激动剂，常被添加进电子烟油。自2021年7月1日起在我国整类列管。",
        appearance="<ul><li>常添加在电子烟油中，烟弹、烟杆与普通电子烟几乎没有区别；</li>"
        "<li>也有喷涂在烟丝、干花草上的形态；</li>"
        "<li>包装上常有“上头”“解压”“飘”等暗示性字样。</li></ul>",
        effects="<p>作用与大麻相似但强烈得多。吸食后出现头晕、呕吐、心悸、幻觉、"
        "意识模糊和行为失控。</p>",
        harms="<ul><li>急性中毒可致抽搐、昏迷甚至死亡；</li>"
        "<li>引发焦虑、惊恐和精神病性症状；</li><li>反复吸食可形成依赖。</li></ul>",
        legal_status="<ul><li>自2021年7月1日起，合成大麻素类物质被整类列入《非药用类麻醉药品"
        "和精神药品管制品种增补目录》，属于毒品。</li>"
        + _TRAFFICKING
        + _USE
        + "<li>依照国家规定，任何人不得向未成年人销售电子烟。</li></ul>",
        cover="cannabinoid",
        gallery=(
            ("cannabinoid", "“上头电子烟”外观与普通电子烟相似（示意图）"),
            ("cannabinoid_2", "“上头电子烟”示意图"),
        ),
    ),
]
