from django.urls import path

from agora.realtime import views

app_name = "realtime"
urlpatterns = [path("", views.stream, name="stream")]
