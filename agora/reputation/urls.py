from django.urls import path

from agora.reputation.views import pages

app_name = "reputation"
urlpatterns = [
    path("", pages.leaderboard, name="leaderboard"),
    path("experts/<str:tag>/", pages.experts, name="experts"),
]
