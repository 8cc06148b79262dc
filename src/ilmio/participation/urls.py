from __future__ import annotations

from django.urls import path

from ilmio.participation import views

app_name = "participation"

urlpatterns = [
    path("ideas/new/", views.public_idea, name="public_idea"),
    path("ideas/thanks/", views.thanks, name="thanks"),
    path("ideas/mine/", views.my_ideas, name="my_ideas"),
    path("ideas/", views.idea_list, name="ideas"),
    path("ideas/<int:pk>/", views.idea_detail, name="idea"),
    path("rounds/", views.round_list, name="rounds"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/answer/", views.public_round, name="public_round"),
    path("rounds/<int:pk>/poster.pdf", views.round_poster, name="round_poster"),
    path("workshops/", views.workshop_list, name="workshops"),
    path("workshops/<int:pk>/", views.workshop_detail, name="workshop"),
    path("workshops/<int:pk>/delivery.<str:fmt>", views.workshop_delivery, name="workshop_delivery"),
    path("workshops/<int:pk>/join/", views.public_workshop, name="public_workshop"),
    path("worksheet/<str:code>/", views.worksheet, name="worksheet"),
    path("needs/<slug:code>/", views.information_needs_page, name="information_needs"),
    path("forums/", views.forum_list, name="forums"),
    path("forums/<int:pk>/", views.forum_detail, name="forum"),
    path("forums/<int:pk>/topics/", views.public_forum, name="public_forum"),
]
