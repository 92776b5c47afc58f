from django.urls import path

from agora.people.views import invitations, profiles

app_name = "people"
urlpatterns = [
    path("", profiles.directory, name="directory"),
    path("me/edit/", profiles.edit_profile, name="edit"),
    path("invite/", invitations.invite, name="invite"),
    path("suggest/", profiles.suggest, name="suggest"),
    path("mentions/", profiles.mentions, name="mentions"),
    path("<slug:handle>/follow/", profiles.follow, name="follow"),
    path("<slug:handle>/photo/", profiles.avatar, name="avatar"),
]
