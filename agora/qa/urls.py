from django.urls import path

from agora.qa.views import lists

app_name = "qa"
urlpatterns = [
    path("", lists.question_list, name="list"),
]
