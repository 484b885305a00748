from django.urls import path, register_converter

from activities.records import views as record_views
from activities.reporting import review_views, sending, submission_page, views
from activities.reports import readiness_views
from activities.reports import views as report_views
from activities.status import views as status_views


class RecordKindConverter:
    regex = "aktiviteter|styrdokument|samverkan|behov"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(RecordKindConverter, "recordkind")

app_name = "activities"

PERIOD = "grupp/<slug:slug>/perioder/<int:pk>/"
SUBMISSION = PERIOD + "organisationer/<int:org_pk>/"
RECORDS = "grupp/<slug:slug>/<recordkind:kind>/"
REPORT = "grupp/<slug:slug>/rapporter/<int:pk>/"
VERSION = REPORT + "v<int:number>/"
PUBLIC = "publicerat/<slug:slug>/<int:pk>/v<int:number>/"

urlpatterns = [
    path("grupp/<slug:slug>/perioder/", views.period_list, name="period_list"),
    path("grupp/<slug:slug>/perioder/ny/", views.period_create, name="period_create"),
    path("grupp/<slug:slug>/perioder/nasta/", views.period_create_next, name="period_create_next"),
    path("grupp/<slug:slug>/mina-svar/", views.my_submissions, name="my_submissions"),
    path(PERIOD, views.period_overview, name="period_overview"),
    path(PERIOD + "andra/", views.period_edit, name="period_edit"),
    path(PERIOD + "las/", views.period_lock, name="period_lock"),
    path(PERIOD + "oppna/", views.period_open_early, name="period_open_early"),
    path(PERIOD + "paminn/", views.period_remind_all, name="period_remind_all"),
    path(SUBMISSION + "paminn/", views.period_remind, name="period_remind"),
    path(PERIOD + "fragor/", views.question_list, name="question_list"),
    path(PERIOD + "fragor/ny/", views.question_create, name="question_create"),
    path(PERIOD + "fragor/<int:question_pk>/", views.question_edit, name="question_edit"),
    path(
        PERIOD + "fragor/<int:question_pk>/ta-bort/", views.question_delete, name="question_delete"
    ),
    path(PERIOD + "fragor/<int:question_pk>/flytta/", views.question_move, name="question_move"),
    path("grupp/<slug:slug>/malgrupper/", record_views.target_groups, name="target_groups"),
    path(
        "grupp/<slug:slug>/malgrupper/<int:pk>/ta-bort/",
        record_views.target_group_delete,
        name="target_group_delete",
    ),
    path(
        "grupp/<slug:slug>/styrdokument/<int:pk>/fil/",
        record_views.document_file,
        name="document_file",
    ),
    path(RECORDS, record_views.record_list, name="record_list"),
    path(RECORDS + "ny/", record_views.record_create, name="record_create"),
    path(RECORDS + "export.<str:fmt>", record_views.record_export, name="record_export"),
    path(RECORDS + "<int:pk>/", record_views.record_edit, name="record_edit"),
    path(RECORDS + "<int:pk>/avsluta/", record_views.record_close, name="record_close"),
    path(
        "grupp/<slug:slug>/org/<int:pk>/", status_views.organisation_page, name="organisation_page"
    ),
    path(
        "grupp/<slug:slug>/samverkansoversikt/",
        status_views.collaboration_page,
        name="collaboration_page",
    ),
    path("grupp/<slug:slug>/trender/", status_views.trends_page, name="trends"),
    path("grupp/<slug:slug>/sok/", status_views.search_page, name="search"),
    path("grupp/<slug:slug>/rapporter/", report_views.report_list, name="report_list"),
    path("grupp/<slug:slug>/rapporter/ny/", report_views.report_new, name="report_new"),
    path(REPORT, report_views.report_edit, name="report_edit"),
    path(REPORT + "kontakter/", report_views.report_contacts_refresh, name="report_contacts"),
    path(REPORT + "forhandsvisning/", report_views.report_preview, name="report_preview"),
    path(REPORT + "publicera/", readiness_views.report_publish, name="report_publish"),
    path(
        REPORT + "publicering/<int:request_pk>/",
        readiness_views.report_publishing,
        name="report_publishing",
    ),
    path(REPORT + "klar/", readiness_views.report_readiness_page, name="report_readiness"),
    path(VERSION, report_views.report_version, name="report_version"),
    path(VERSION + "lagesrapport.<str:fmt>", report_views.report_version_file, name="report_file"),
    path(
        VERSION + "lagesrapport-arkiv.pdf",
        report_views.report_version_archive,
        name="report_archive_file",
    ),
    path(VERSION + "synlighet/", report_views.report_version_visibility, name="report_visibility"),
    path(PUBLIC, report_views.public_report, name="public_report"),
    path(
        PUBLIC + "lagesrapport.<str:fmt>",
        report_views.public_report_file,
        name="public_report_file",
    ),
    path(SUBMISSION, submission_page.submission_detail, name="submission"),
    path(
        SUBMISSION + "autospara/", submission_page.submission_autosave, name="submission_autosave"
    ),
    path(SUBMISSION + "kontrollera/", sending.submission_check, name="submission_check"),
    path(SUBMISSION + "skickad/", sending.submission_sent, name="submission_sent"),
    path(SUBMISSION + "granska/", review_views.submission_review, name="submission_review"),
    path(
        SUBMISSION + "skicka-tillbaka/",
        review_views.submission_return,
        name="submission_return",
    ),
    path(SUBMISSION + "kommentarer/", review_views.comment_add, name="comment_add"),
    path(
        SUBMISSION + "kommentarer/<int:comment_pk>/los/",
        review_views.comment_resolve,
        name="comment_resolve",
    ),
    path(
        SUBMISSION + "fragor/<int:question_pk>/versioner/",
        review_views.answer_versions,
        name="answer_versions",
    ),
]
