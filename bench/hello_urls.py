from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import path


@login_not_required
def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("", hello)]
