"""Query budgets shared by the list-page tests."""

# Every signed-in page: session, user, the viewer's memberships (rail and permissions),
# and the unread count on the notification bell.
PAGE_BASE = 4
