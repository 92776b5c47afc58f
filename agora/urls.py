"""Agora's URL map: one include per app."""

from django.contrib import admin
from django.urls import include, path, register_converter

from agora.core import views as core_views
from agora.core import webapp
from agora.core.converters import IdConverter
from agora.people.views import invitations
from agora.posts.views import feed

register_converter(IdConverter, "id")

admin.site.site_header = "Agora administration"
admin.site.site_title = "Agora admin"

urlpatterns = [
    path("", feed.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("manifest.webmanifest", webapp.manifest, name="manifest"),
    path("sw.js", webapp.service_worker, name="service_worker"),
    path("offline/", webapp.offline, name="offline"),
    path("icons/<slug:kind>-<int:size>.png", webapp.icon, name="app_icon"),
    path("accounts/", include("allauth.urls")),
    path("invitation/<str:token>/", invitations.accept_invitation, name="accept_invitation"),
    path("people/", include("agora.people.urls")),
    path("spaces/", include("agora.spaces.urls")),
    path("search/", include("agora.search.urls")),
    path("", include("agora.qa.urls")),  # questions/… and answers/…
    path("", include("agora.reputation.urls")),  # leaderboard/… and people/<handle>/
    path("notifications/", include("agora.notifications.urls")),
    path("events/", include("agora.realtime.urls")),
    path("", include("agora.posts.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "agora.core.views.bad_request"
handler403 = "agora.core.views.forbidden"
handler404 = "agora.core.views.not_found"
handler500 = "agora.core.views.server_error"
