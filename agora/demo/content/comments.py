"""The comments any post may get: by what the post is (the demo), by the kind of its
space and generic ones (the bulk seeder), and replies."""

from __future__ import annotations

# Comments that fit any post in a space of that kind; "" is for company-wide posts.
KIND_COMMENTS: dict[str, tuple[str, ...]] = {
    "product": (
        "Will this be in the next release notes?",
        "{customer} asked about exactly this last week.",
        "Is there a ticket I can follow?",
        "Nice, this unblocks a couple of my accounts.",
        "How does this work for tenants on the old plan?",
        "Can we get a short demo at the next sync?",
        "Looping in {person}, who knows more about this than I do.",
    ),
    "service": (
        "Thanks, that fixed it for me.",
        "Could we add this to the runbook?",
        "Which offices are affected?",
        "Thanks for the heads-up!",
        "Happy to help test if you need someone outside the team.",
        "Looping in {person}, who knows more about this than I do.",
    ),
    "idea": (
        "Love this. Happy to help on a prototype.",
        "What would we stop doing to make time for it?",
        "We tried something like this in my last company; it worked well.",
        "Count me in.",
        "Could we run it as a four-week experiment first?",
    ),
    "team": (
        "Noted, thanks.",
        "Can we cover this in the next sync?",
        "I'll take the action item.",
        "Agreed. Let's write it down so we remember why.",
        "Adding it to the agenda.",
    ),
    "video": (
        "Great video, thanks for recording it.",
        "Could we get captions on this one?",
        "Watched it twice; the second half is gold.",
        "Sharing this with my team.",
        "Is there a written summary for people who cannot watch it yet?",
    ),
    "community": (
        "Love this! 🙌",
        "Count me in!",
        "Ha, same here.",
        "This made my day.",
        "Next time in {city}?",
    ),
    "": (
        "Thanks for writing this up, {author}.",
        "Bookmarking this.",
        "Really useful, thank you.",
        "+1, we should do more of this.",
        "Could you add this to the handbook?",
        "Great point. Sharing with my team.",
    ),
}

GENERIC_COMMENTS = (
    "Thanks for sharing, {author}!",
    "Really helpful, thank you.",
    "+1",
    "Following.",
    "Great work!",
    "Is there a recording for the Singapore time zone?",
    "This answers a question I had yesterday.",
    "Could you share the link to the doc?",
    "Nice one 👏",
)

REPLIES = (
    "Thanks {to}, that helps.",
    "Good point, {to}. I'll update the doc.",
    "{to}, do you have a link?",
    "Thanks, that's what I needed.",
    "Done, thanks for flagging.",
    "+1 to what {to} said.",
    "Let's take this offline; I'll set up fifteen minutes.",
    "Yes, that's the plan.",
    "Agreed.",
    "Thanks, {to}!",
)

# What the demo's readers say under a post, by what the post is (``demo.posts.mood``
# decides from its words): news to celebrate, something lost, something social, an idea,
# a notice, a question, or (the rest) something shared: a report, a tip, a write-up.
MOOD_MARKERS: dict[str, tuple[str, ...]] = {
    "celebrate": ("#win", "#release", "#milestone", "#welcome", "🎉", "🏆", "🏅"),
    "lost": ("#lostandfound",),
    "social": ("#social", "#running", "#baking", "#pets", "#books", "#podcasts", "#sport",
               "#lunch", "#quiz", "#parents", "#languages", "☕", "🌸"),
    "idea": ("#idea", "#rfc", "#prototype", "#beta", "Proposal", "Idea:"),
    "notice": ("#maintenance", "#office", "#holidays", "#expenses", "Reminder", "Heads-up",
               "due by", "⚠️", "🔐"),
    "share": ("#tips", "TIL"),
}  # fmt: skip
MOOD_COMMENTS: dict[str, tuple[str, ...]] = {
    "celebrate": (
        "Congratulations! 🎉",
        "Well deserved, everyone.",
        "Brilliant news.",
        "Great work, team!",
        "Huge. Thanks to everyone involved.",
        "This is a big one. Well done!",
        "Love seeing this.",
    ),
    "question": (
        "Following; I'd like to know too.",
        "Same question here.",
        "+1, we get asked this a lot.",
        "Good question.",
        "Subscribing to this thread.",
    ),
    "lost": (
        "I'll keep an eye out.",
        "Check with reception; they keep a box of lost things.",
        "I think I saw one by the lifts on the 2nd floor!",
    ),
    "notice": (
        "Thanks for the heads-up!",
        "Noted, thanks.",
        "Good to know.",
        "Thanks for letting us know.",
        "Thanks, adding it to my calendar.",
    ),
    "idea": (
        "Love this. Happy to help on a prototype.",
        "What would we stop doing to make time for it?",
        "We tried something like this in my last company; it worked well.",
        "Count me in.",
        "Could we run it as a four-week experiment first?",
        "+1, I'd use this every week.",
    ),
    "social": (
        "Love this! 🙌",
        "Count me in!",
        "Ha, same here.",
        "This made my day.",
        "I'm in!",
        "Next time in {city}?",
    ),
    "share": (
        "Thanks for writing this up, {author}.",
        "Bookmarking this.",
        "Really useful, thank you.",
        "Could you add this to the handbook?",
        "Great point. Sharing with my team.",
        "Thanks for sharing, {author}!",
        "Very helpful, thanks.",
        "Nice one 👏",
        "Interesting, thanks.",
        "+1",
    ),
    # Added to what is shared in a product space.
    "product": (
        "{customer} asked about exactly this last week.",
        "Nice, this unblocks a couple of my accounts.",
        "Will this be in the next release notes?",
        "Can we get a short demo at the next sync?",
    ),
}
