from django.urls import path

from ilmio.knowledge import feeds, public_views, views

app_name = "knowledge"
urlpatterns = [
    path("summaries/", views.summary_list, name="summaries"),
    path("summaries/<int:pk>/", views.summary_detail, name="summary"),
    path("summaries/<int:pk>/export.<str:fmt>", views.summary_export, name="summary_export"),
    path("proposals/", views.proposal_list, name="proposals"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("actions/", views.action_list, name="actions"),
    path("actions/export.<str:fmt>", views.action_export, name="action_export"),
    path("notifications/", views.notifications, name="notifications"),
    path("public/summaries/", public_views.public_summaries, name="public_summaries"),
    path("public/summaries/<int:pk>/", views.public_summary, name="public_summary"),
    path("public/summaries/<int:pk>/export.<str:fmt>", views.public_summary_export, name="public_summary_export"),
    path("outcomes/<str:county_code>/", views.outcomes, name="outcomes"),
    path("follow-up/<str:token>/", views.follow_up, name="follow_up"),
]

# Public communication channels: county listing, Atom feeds, embeddable snippet.

urlpatterns += [
    path("public/<str:county_code>/summaries/", public_views.county_summaries, name="county_summaries"),
    path("public/<str:county_code>/feed.atom", feeds.county_feed, name="public_feed"),
    path("public/<str:county_code>/<slug:phenomenon_code>/feed.atom", feeds.county_feed, name="public_phenomenon_feed"),
    path("public/<str:county_code>/snippet.html", public_views.snippet, name="public_snippet"),
    path("newsletter/<str:month>/", public_views.newsletter, name="newsletter"),
]
