"""The classes, roster and roster import pages of a school (see education/roster_views.py)."""

from django.urls import path

from education import roster_views

urlpatterns = [
    path("school/<int:school_id>/classes/", roster_views.school_classes, name="school_classes"),
    path(
        "school/<int:school_id>/classes/<int:class_id>/",
        roster_views.school_class_edit,
        name="school_class_edit",
    ),
    path(
        "school/<int:school_id>/classes/<int:class_id>/delete/",
        roster_views.school_class_delete,
        name="school_class_delete",
    ),
    path(
        "school/<int:school_id>/join-sheet/",
        roster_views.school_join_sheet,
        name="school_join_sheet",
    ),
    path("school/<int:school_id>/roster/", roster_views.school_roster, name="school_roster"),
    path(
        "school/<int:school_id>/roster/students/<int:student_id>/status/",
        roster_views.school_student_status,
        name="school_student_status",
    ),
    path(
        "school/<int:school_id>/roster/import/",
        roster_views.roster_upload,
        name="school_roster_import",
    ),
    path(
        "school/<int:school_id>/roster/import/<int:import_id>/",
        roster_views.roster_preview,
        name="school_roster_preview",
    ),
    path(
        "school/<int:school_id>/roster/import/<int:import_id>/commit/",
        roster_views.roster_commit,
        name="school_roster_commit",
    ),
    path(
        "school/<int:school_id>/roster/template.xlsx",
        roster_views.roster_template_xlsx,
        name="school_roster_template",
    ),
    path(
        "school/<int:school_id>/roster/template.csv",
        roster_views.roster_template_csv,
        name="school_roster_template_csv",
    ),
]
