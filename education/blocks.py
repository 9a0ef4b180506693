"""The one StreamField block set shared by every content page."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("图片"))
    caption = blocks.CharBlock(label=_("图注"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("图片")
        template = "education/blocks/captioned_image.html"


class VideoEmbedBlock(EmbedBlock):
    """Tells the editor why an address has no player (a b23.tv short link, a page that is not
    a video), where Wagtail's own block only says that none was found."""

    def clean(self, value):
        if isinstance(value, EmbedValue) and value.url:
            try:
                get_embed(value.url, value.max_width, value.max_height)
            except EmbedException as error:
                raise ValidationError(
                    str(error)
                    or _("找不到这个地址的视频，请填写视频播放页的地址（如哔哩哔哩、腾讯视频）。")
                ) from error
        return super().clean(value)


class VideoBlock(blocks.StructBlock):
    video = VideoEmbedBlock(label=_("视频链接"), help_text=_("视频平台的播放页地址"))
    caption = blocks.CharBlock(label=_("说明"), required=False, max_length=200)

    class Meta:
        icon = "media"
        label = _("视频")
        template = "education/blocks/video.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("引文"))
    attribution = blocks.CharBlock(label=_("出处"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("引言")
        template = "education/blocks/quote.html"
        preview_value = {
            "text": "珍爱生命，远离毒品。",
            "attribution": "禁毒宣传标语",
        }


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("类型"),
        choices=[("info", _("提示")), ("warning", _("警示")), ("help", _("求助"))],
        default="info",
    )
    heading = blocks.CharBlock(label=_("标题"), max_length=80)
    text = blocks.RichTextBlock(label=_("内容"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("提示框")
        template = "education/blocks/callout.html"
        preview_value = {
            "tone": "help",
            "heading": "需要帮助？",
            "text": "<p>发现涉毒线索请拨打 <b>110</b> 举报，戒毒求助可联系市禁毒办咨询热线。</p>",
        }


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("文件"))
    description = blocks.CharBlock(label=_("说明"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("文件下载")
        template = "education/blocks/download.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("正文"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "hr", "document-link"],
        template="education/blocks/paragraph.html",
        preview_value="<p>毒品是指鸦片、海洛因、甲基苯丙胺（冰毒）、吗啡、大麻、可卡因……</p>",
    )
    image = CaptionedImageBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    download = DownloadBlock()
