from django.contrib import admin
from django.urls import include, path

from activities.status import views as status_views

from . import views

urlpatterns = [
    path("", status_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("benchmark/golv/", views.benchmark_floor, name="benchmark_floor"),
    path("tillganglighet/", views.accessibility_statement, name="accessibility"),
    path("sprak/", views.set_language, name="set_language"),
    path("grupp/<slug:slug>/", status_views.group_home, name="group_home"),
    path("", include("members.urls")),
    path("", include("activities.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "samordning.views.permission_denied"
