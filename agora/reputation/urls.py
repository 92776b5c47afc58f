from django.urls import path

from agora.reputation.views import pages, profile

app_name = "reputation"
urlpatterns = [
    path("leaderboard/", pages.leaderboard, name="leaderboard"),
    path("leaderboard/experts/<str:tag>/", pages.experts, name="experts"),
    # A person's page draws their credibility and posts; the people app keeps the rest
    # of /people/ (directory, follow, photo), so its include comes first.
    path("people/<slug:handle>/", profile.profile, name="profile"),
]
