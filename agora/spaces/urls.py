from django.urls import path

from agora.spaces.views import membership, pages

app_name = "spaces"
urlpatterns = [
    path("", pages.directory, name="directory"),
    path("new/", pages.create, name="create"),
    path("<slug:slug>/settings/", pages.edit, name="edit"),
    path("<slug:slug>/join/", membership.join, name="join"),
    path("<slug:slug>/leave/", membership.leave, name="leave"),
    path("<slug:slug>/members/", membership.members, name="members"),
    path("<slug:slug>/members/add/", membership.add_member, name="add_member"),
    path("<slug:slug>/members/<id:user_id>/role/", membership.set_role, name="set_role"),
    path("<slug:slug>/members/<id:user_id>/remove/", membership.remove_member, name="remove"),
    path(
        "<slug:slug>/requests/<id:request_id>/<str:decision>/",
        membership.decide_request,
        name="decide_request",
    ),
]
