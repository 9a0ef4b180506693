from django.db import migrations

CATEGORIES = [
    ("场所", "venues"),
    ("社区", "community"),
    ("学校", "school"),
    ("企业", "enterprise"),
    ("家庭", "family"),
    ("农村", "rural"),
]


def create_categories(apps, schema_editor):
    ArticleCategory = apps.get_model("education", "ArticleCategory")
    for order, (name, slug) in enumerate(CATEGORIES):
        ArticleCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )


def remove_categories(apps, schema_editor):
    ArticleCategory = apps.get_model("education", "ArticleCategory")
    ArticleCategory.objects.filter(slug__in=[slug for _, slug in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("education", "0001_initial")]

    operations = [migrations.RunPython(create_categories, remove_categories)]
