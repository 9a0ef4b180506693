from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_off_roster(apps, schema_editor):
    """Schools already on file get the count of their inactive students."""
    School = apps.get_model("education", "School")
    Student = apps.get_model("education", "Student")
    inactive = (
        Student.objects.filter(school=OuterRef("pk"), active=False)
        .order_by()
        .values("school")
        .annotate(n=Count("pk"))
        .values("n")
    )
    School.objects.update(off_roster=Coalesce(Subquery(inactive), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0003_schools_quiz_rates"),
    ]

    operations = [
        migrations.AddField(
            model_name="school",
            name="off_roster",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="已离册人数"),
        ),
        migrations.RunPython(count_off_roster, migrations.RunPython.noop),
    ]
