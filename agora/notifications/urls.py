from django.urls import path

from agora.notifications.views import pages, settings

app_name = "notifications"
urlpatterns = [
    path("", pages.notification_list, name="list"),
    path("read/", pages.mark_all_read, name="mark_all_read"),
    path("bell/", pages.bell, name="bell"),
    path("<int:pk>/", pages.open_notification, name="open"),
    path("settings/", settings.notification_settings, name="settings"),
    path("unsubscribe/<str:token>/", settings.unsubscribe, name="unsubscribe"),
]
