from django.urls import path

from agora.qa.views import answers, ask, leaders, lists, question

app_name = "qa"
urlpatterns = [
    path("questions/", lists.question_list, name="list"),
    path("questions/ask/", ask.ask, name="ask"),
    path("questions/suggested/", question.suggested, name="suggested"),
    path("questions/<id:post_id>/", question.question, name="question"),
    path("questions/<id:post_id>/answers/", question.answer, name="answer"),
    path(
        "questions/<id:post_id>/answers/<id:answer_post_id>/",
        question.shown_answer,
        name="shown_answer",
    ),
    path("questions/<id:post_id>/tags/", leaders.retag, name="retag"),
    path("questions/<id:post_id>/duplicate/", leaders.duplicate, name="duplicate"),
    path("answers/<id:answer_id>/accept/", answers.accept, name="accept"),
    path("answers/<id:answer_id>/official/", answers.official, name="official"),
    path("answers/<id:answer_id>/edit/", answers.edit, name="edit_answer"),
    path("answers/<id:answer_id>/delete/", answers.delete, name="delete_answer"),
    path("answers/<id:answer_id>/comments/", answers.comments, name="answer_comments"),
]
