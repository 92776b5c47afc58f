"""Posts whose author and day the demo company's story fixes: the launch banner, charts
with the numbers of their day, and the welcomes of the people who joined since."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DatedPost:
    """A post by ``author`` about ``days_ago`` (or, when it ``welcomes`` a newcomer, on
    their first day), with the comments that follow it: ``said`` holds (who, words), ""
    for anyone who can read it."""

    space: str  # "" for company-wide
    author: str
    days_ago: float
    body: str
    said: tuple[tuple[str, str], ...] = ()
    welcomes: str = ""  # the key of the person it welcomes


DATED_POSTS = (
    DatedPost("Announcements", "olivia.grant", 97.0,
              "👋 Please welcome @noah-kim, who joins Sales as our Account Executive for APAC, "
              "working from Singapore. Noah spent six years selling to manufacturers in Korea "
              "and already knows two of our partners there. Say hi! #welcome",
              welcomes="noah.kim",
              said=(("noah.kim", "Thank you all! Looking forward to meeting the APAC team, "
                                 "and the rest of you on calls."),
                    ("kenji.watanabe", "Welcome, Noah! Lunch in Singapore this week?"),
                    ("", "Welcome aboard! 👋"))),
    DatedPost("Announcements", "maya", 72.2,
              "Please welcome @lina-haddad, our new Sales Development Representative in "
              "Lisbon! Lina speaks four languages and will have the first call with many of "
              "our EMEA prospects. Her first-week question for you: *what do customers love "
              "most about us?* #welcome #onboarding", welcomes="lina.haddad",
              said=(("", "Welcome, Lina! Customers love that a human answers support."),
                    ("lina.haddad", "Thank you! Keep the answers coming, I'm collecting them "
                                    "for my call script."),
                    ("mateo.fernandez", "Bem-vinda! Coffee at Fábrica on Monday?"))),
    DatedPost("Announcements", "olivia.grant", 44.1,
              "Zoe Adams (@zoe-adams) joins Marketing today as our Growth Marketer, working "
              "remotely. She will own sign-ups and the website funnel. Welcome, Zoe! #welcome",
              welcomes="zoe.adams",
              said=(("", "Welcome Zoe! 🎉"),
                    ("zoe.adams", "Thanks everyone! If you've ever thought 'why is this form "
                                  "so long', I want to hear from you."),
                    ("", "Welcome! The #marketing tag is where the fun is."))),
    DatedPost("Cloud Infrastructure", "mei.tan", 4.1,
              "Welcome @tariq-aziz to the SRE team! He starts in Singapore this week and "
              "takes over the cluster dashboards. Please send him your favourite "
              "war stories. #welcome #kubernetes", welcomes="tariq.aziz",
              said=(("tariq.aziz", "Thanks Mei! Happy to be here. First task: learning where "
                                   "all the alerts live."),
                    ("lukas.novak", "Welcome! Shout if you need anything in the Berlin time "
                                    "zone."))),
)  # fmt: skip


@dataclass(frozen=True)
class ImagePost:
    """A post with a generated chart or banner, written on a fixed day."""

    space: str  # "" for company-wide
    author: str
    days_ago: float
    body: str
    alt_text: str
    title: str
    labels: tuple[str, ...] = ()
    values: tuple[int, ...] = ()
    chart: str = "bar"  # "bar", "line" or "banner"
    comments: tuple[str, ...] = ()


IMAGE_POSTS = (
    ImagePost("Announcements", "maya", 149.6,
              "Welcome to Agora 👋 This is our new home for questions, announcements and "
              "everything in between. Start by joining a few spaces and following your "
              "team. Be kind, assume good intent, and keep customer data out of posts. "
              "#welcome", "Banner reading Welcome to Agora", "Welcome to Agora",
              chart="banner",
              comments=("Welcome, everyone! 🎉", "Already joined five spaces. This beats "
                        "the old intranet.", "Is there a mobile app?")),
    ImagePost("Sales EMEA", "charlotte.dubois", 24.2,
              "Pipeline snapshot by country, weighted by stage. Germany is carrying us; "
              "France needs some love. #pipeline #forecast",
              "Bar chart of weighted pipeline by country in thousands of euros",
              "Weighted pipeline by country (EUR thousands)",
              ("UK", "DE", "FR", "ES", "NL", "Nordics"), (820, 1140, 310, 420, 380, 260),
              comments=("France has two big deals in legal review; it should look better "
                        "next month.", "Can we get this split by product too?")),
    ImagePost("Cloud Infrastructure", "ada", 12.3,
              "Atlas API p95 latency over the last 30 days. The drop on day 18 is the "
              "connection pool fix. #performance #postmortem",
              "Line chart of API p95 latency in milliseconds, falling after day 18",
              "Atlas API p95 latency (ms), last 30 days",
              tuple(str(d) for d in range(1, 31)),
              (410, 420, 398, 430, 445, 460, 438, 452, 470, 455, 480, 490, 475, 500, 510,
               495, 505, 290, 280, 270, 265, 272, 260, 255, 262, 250, 248, 251, 246, 240),
              chart="line",
              comments=("That drop is beautiful. Thanks for the fix!", "Can I share this "
                        "chart with {customer}? They asked about latency last month.")),
    ImagePost("Beacon Mobile App", "fatima.zahra", 6.1,
              "Beacon weekly active users since offline mode shipped. 📈 #mobile #metrics",
              "Bar chart of Beacon weekly active users rising over eight weeks",
              "Beacon weekly active users (thousands)",
              ("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"),
              (18, 19, 21, 24, 26, 29, 31, 34),
              comments=("Offline mode is clearly paying off.",)),
    ImagePost("Running Club", "kwame.mensah", 3.4,
              "Our club challenge for next month: **10k for charity**. Sign up in the "
              "comments! #running", "Banner reading Northwind Running Club: 10k for charity",
              "Running Club: 10k for charity", chart="banner",
              comments=("I'm in!", "Count me in, slow pace though 🐢")),
)  # fmt: skip
