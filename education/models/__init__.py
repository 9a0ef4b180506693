from education.models.categories import ArticleCategory
from education.models.pages import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageTag,
    CampaignIndexPage,
    CampaignPage,
    CampaignRelatedPage,
    DrugFactImage,
    DrugFactIndexPage,
    DrugFactPage,
    EventIndexPage,
    EventPage,
    HomePage,
)
from education.models.site_settings import PlatformSettings

__all__ = [
    "ArticleCategory",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageTag",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignRelatedPage",
    "DrugFactImage",
    "DrugFactIndexPage",
    "DrugFactPage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "PlatformSettings",
]
