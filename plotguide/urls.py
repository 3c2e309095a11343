from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("plotguide.api.urls")),
    path("", include("plotguide.site.urls")),
]

handler404 = "plotguide.site.views.page_not_found"
handler500 = "plotguide.site.views.server_error"
