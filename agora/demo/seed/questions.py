"""What ``agora seed``'s people ask and answer: question templates by kind of space.

Pure data, read by ``agora.demo.seed.qa``. Titles, bodies, tags, answers and comments
take the same ``{slots}`` as posts (``seed.text.Slots``): ``{product}`` is the space's
product (any product outside product spaces), ``{ptag}`` the product as a tag, ``{author}``
the asker's first name. Titles are plain text, so they name no one; bodies and answers
may ``{person}``-mention a colleague who can read the question.
"""

from __future__ import annotations

from dataclasses import dataclass

from agora.spaces.models import Kind


@dataclass(frozen=True)
class QuestionTemplate:
    """A question the seeder can ask, with the answers and comments that fit it best."""

    title: str
    body: str
    tags: tuple[str, ...] = ()  # the ask form's tag field (the body may add #tags)
    answers: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()


Q = QuestionTemplate

QUESTIONS: dict[str, tuple[QuestionTemplate, ...]] = {
    Kind.PRODUCT: (
        Q("Can {product} keep audit logs for seven years?",
          "**{customer}** needs seven years of audit history for their regulator. The admin "
          "guide only says 'configurable retention'. What is the maximum, and does it cost "
          "extra?", ("{ptag}", "compliance", "audit-log"),
          ("Yes: retention is set per tenant, up to ten years on Enterprise. Entries older "
           "than a year move to cold storage, so exporting them takes minutes, not seconds.",
           "Quote seven years in the order form so it's contractual, not just a setting. "
           "{person} has the wording we used for the last bank."),
          ("Same question from a prospect last week, following.",)),
        Q("Does {product} {version} support single sign-on with Okta?",
          "{customer} wants SAML with Okta before they roll {product} out to {big} people. "
          "Is it in {version}, or only on the roadmap?", ("{ptag}", "sso", "security"),
          ("SAML 2.0 works with Okta since {product} 2.0; SCIM provisioning too. The setup "
           "guide is in the admin docs under *Identity*.",
           "It works, but tell them to map the email attribute explicitly; the default "
           "mapping trips up about one customer in five.")),
        Q("Why is the {product} export slower for large workspaces?",
          "Exports of workspaces over {big} MB take more than {n} minutes for {customer}. "
          "Is that expected, or should I open a ticket?", ("{ptag}", "performance", "support"),
          ("Expected for now: exports run as one background job per workspace. Splitting "
           "them is planned for the next quarter; {ticket} tracks it.",
           "Open a ticket anyway and link {ticket}: it helps us size the work.")),
        Q("What's the fastest way to migrate a million records into {product}?",
          "{customer} goes live in {n} weeks. The import screen is fine for thousands of "
          "records, not millions. #migration", ("{ptag}", "api"),
          ("Use the bulk API from a script, not the screen: up to 500 records per call, and "
           "it keeps the original timestamps.",
           "Ask {person} for the migration script we wrote for the last big customer; it "
           "handles retries and rate limits.")),
        Q("Is there a sandbox tenant for {product} demos?",
          "I keep demoing {product} on my own account and it's full of test data. Do we "
          "have a clean demo tenant sales can share?", ("{ptag}", "demo", "sales"),
          ("Yes, there's a shared demo tenant that resets every night. Ask in the IT "
           "Helpdesk space for access.",
           "We also have a scripted demo dataset if you want your own: ten minutes to load.")),
        Q("How do I explain the {product} {version} pricing change to existing customers?",
          "Renewals for {customer} and two others come up in {quarter}. What's the one-line "
          "version of the change, and who gets grandfathered?", ("{ptag}", "pricing"),
          ("Existing customers keep their price until their next renewal after {quarter}; "
           "the one-liner is 'more included, billed per active user'.",
           "Finance has a calculator for the before/after per account; {person} can share "
           "it.")),
    ),
    Kind.SERVICE: (
        Q("How do I get a VPN certificate for a new laptop?",
          "My laptop was replaced and the VPN client asks for a certificate I don't have. "
          "Is there a self-service way?", ("it", "vpn", "laptops"),
          ("Self-service portal → Devices → *Request certificate*. It arrives within ten "
           "minutes; restart the VPN client afterwards.",
           "If the portal says the device is unknown, the laptop isn't enrolled yet; ping "
           "{person}.")),
        Q("Which expenses can I claim for a customer dinner in {city}?",
          "Taking **{customer}** to dinner next week. What's the limit per person, and do "
          "drinks count?", ("expenses", "travel", "finance"),
          ("Up to the local limit per person (the {city} one is in the travel policy), "
           "drinks included, with the names of the attendees on the claim.",
           "Keep the itemised receipt, not just the card slip; the card slip alone gets "
           "rejected.")),
        Q("Who approves access to the production database?",
          "I need read access to production for an incident review on {day}. Who signs "
          "that off, and how long does it last?", ("security", "access", "databases"),
          ("Your manager and the data owner, in the access portal. Read access lasts "
           "{n} days and then expires by itself.",
           "For an incident, use the break-glass role instead; it's logged and reviewed "
           "afterwards, no approval wait.")),
        Q("How long does a purchase order take to get approved?",
          "We need a new tool for the team (about {amount} a year). How long does the PO "
          "take, and what slows it down?", ("procurement", "finance"),
          ("Usually a week. Security review is the slow part when the tool stores customer "
           "data; start it in parallel.",
           "Anything above the threshold also needs the budget owner's sign-off, so ask "
           "{person} early.")),
        Q("Can I use my own phone for two-factor authentication?",
          "I'd rather not carry a second phone. Is the authenticator app on a personal "
          "phone allowed?", ("security", "two-factor", "it"),
          ("Yes, the authenticator app on a personal phone is allowed; SMS codes are not.",
           "Set up a second method (a hardware key) too, so a lost phone doesn't lock you "
           "out.")),
        Q("Where do I find last quarter's cloud bill by team?",
          "I need {quarter} cloud costs split by team for the budget review. Is there a "
          "dashboard?", ("cloud", "costs", "finance"),
          ("The cost dashboard in the data platform splits by team tag. Untagged resources "
           "end up under 'shared'.",
           "{person} can export it as a spreadsheet if you need it for slides.")),
    ),
    Kind.IDEA: (
        Q("Has anyone tried no-meeting Wednesdays?",
          "Thinking of proposing it for our floor. Did another team try it, and what "
          "happened after a month?", ("meetings", "focus"),
          ("We did for a quarter: focus time went up, but Thursdays became meeting hell. "
           "Half a day worked better.",
           "Try it for four weeks with a survey before and after; people argue less about "
           "data.")),
        Q("Who would help build a prototype for {product} templates?",
          "Customers keep asking for ready-made templates in {product}. I can do the "
          "design; I need someone for a weekend prototype.", ("{ptag}", "hackweek"),
          ("Count me in for the backend part. Hack Week would be the perfect slot.",
           "Talk to {person} first: there's an old branch with half of this already.")),
        Q("How do we measure whether an idea from here actually shipped?",
          "Lots of ideas in this space, but I can't tell which ones made it. Do we track "
          "that anywhere?", ("ideas", "process"),
          ("Not systematically. A simple 'shipped' tag on the post would be a start.",
           "Product reviews ideas monthly; {person} keeps the list of the ones that made "
           "it into the roadmap.")),
        Q("Could we replace printed welcome packs with something digital?",
          "We print {big} welcome packs a year and most end up in the recycling. Any "
          "reason not to go digital?", ("sustainability", "onboarding"),
          ("People & Culture wanted to keep a physical notebook; everything else can go.",
           "Our Singapore office went digital last year with no complaints.")),
    ),
    Kind.TEAM: (
        Q("Who covers the on-call rota over the holidays?",
          "Week {week} and the one after are still empty in the rota. Who can take a "
          "shift?", ("on-call", "planning"),
          ("I'll take the first week. Swap days are fine by me.",
           "We pay the holiday rate for those shifts; {person} can confirm.")),
        Q("Where do we keep the handover notes for {customer}?",
          "Taking over {customer} from {person} next month. Is there one place for the "
          "account history?", ("handover", "accounts"),
          ("In the account folder, under *Handover*. The last QBR deck is the best "
           "summary.",
           "Ask for a thirty-minute call too; half the context is never written down.")),
        Q("What's our target for {quarter}?",
          "I've seen two different numbers for {quarter}. Which one is the real one?",
          ("targets", "{qtag}"),
          ("The one in the planning doc; the other was the draft before the budget "
           "review.",
           "{person} will confirm in the next sync, but it's the lower one.")),
        Q("Can we move the weekly sync to {day}?",
          "Three of us have a clash with the current slot. Would {day} morning work for "
          "everyone?", ("meetings",),
          ("Works for me.",
           "Fine, as long as we keep it to thirty minutes.")),
    ),
    Kind.COMMUNITY: (
        Q("Any tips for a first half-marathon?",
          "Signed up for the {city} half-marathon in {n} weeks. What would you do "
          "differently if you started again?", ("running",),
          ("Don't go out too fast: the first five kilometres feel easy and that's the "
           "trap.",
           "Practise with whatever you'll eat and drink on the day; nothing new on race "
           "day.")),
        Q("What should we read next in the book club?",
          "We finished this month's book. Suggestions for next month? Fiction or not, "
          "under 400 pages please.", ("books",),
          ("Something short and non-fiction for a change?",
           "{person} suggested a good one at the last meeting; I've forgotten the title.")),
        Q("Where's a good place for a team lunch near the {city} office?",
          "About {n} of us, next {day}. Somewhere quiet enough to talk.",
          ("food", "lunch"),
          ("The place round the corner does a fixed lunch menu and takes bookings.",
           "Book ahead; Fridays are busy everywhere.")),
        Q("Is anyone organising a board game night this month?",
          "It's been a while. Happy to bring a few games if someone books a room.",
          ("boardgames",),
          ("I'll book the big room for {day} evening.",
           "Bring the one with the trains again!")),
    ),
    Kind.VIDEO: (
        Q("Is there a recording of the {product} onboarding session?",
          "I missed the live session on {day}. Was it recorded, and are there captions?",
          ("{ptag}", "recording", "onboarding"),
          ("Yes, it's pinned in this space; captions were added the day after.",
           "The first twenty minutes are the useful part if you're short on time.")),
        Q("What's the best tool for recording a short product demo?",
          "I want to record a five-minute demo for {customer}. What do people here use?",
          ("recording", "demo"),
          ("The built-in screen recorder is enough; record in one take and trim after.",
           "Use a headset microphone; laptop microphones pick up the keyboard.")),
        Q("Can we add chapters to long recordings?",
          "All-hands recordings are over an hour. Chapters would help people find the "
          "part they need.", ("recording", "video"),
          ("You can, with timestamps in the description; the player turns them into "
           "chapters.",
           "{person} did it for the last all-hands; copy that format.")),
    ),
    "": (
        Q("How do I change my notification settings for the weekly digest?",
          "I get the digest on Mondays but would rather have it on Fridays. Is that "
          "possible?", ("notifications", "help"),
          ("Profile → Preferences → Email: pick the day under *Weekly digest*.",
           "You can also turn off the emails for spaces you only skim.")),
        Q("Who should I ask about {product} before a customer call?",
          "I have {customer} on {day} and they'll ask detailed {product} questions. Who's "
          "the right expert?", ("{ptag}", "sales", "experts"),
          ("{person} knows {product} inside out and is usually happy to join a call.",
           "Post the questions here first; half of them are usually answered in the docs.")),
        Q("What's the policy on working from another country for a few weeks?",
          "I'd like to work from abroad for {n} weeks next summer. What are the rules?",
          ("remote-work", "policy", "hr"),
          ("Up to four weeks a year, with your manager's approval and a quick check by "
           "People & Culture for tax reasons.",
           "Ask early: some countries need paperwork before you travel.")),
        Q("How do I nominate a colleague for the quarterly award?",
          "{person} saved a {customer} renewal single-handedly in {quarter}. Where do I "
          "nominate them?", ("recognition", "{qtag}"),
          ("There's a form linked from the handbook's *Recognition* page. Deadline is the "
           "end of the quarter.",
           "Write two or three concrete sentences; the committee reads a lot of them.")),
        Q("Is there a style guide for customer-facing slides?",
          "Preparing a deck for {customer}. Is there an approved template and logo pack?",
          ("brand", "slides", "marketing"),
          ("Brand Studio keeps the template and the logo pack in the shared drive.",
           "Use the latest one: the colours changed in {quarter}.")),
        Q("How do I book a meeting room in the {city} office?",
          "New to the {city} office. Do rooms get booked through the calendar or at the "
          "front desk?", ("office", "meeting-rooms"),
          ("Through the calendar: add the room as a guest.",
           "The big room needs approval from the office manager, the others don't.")),
    ),
    "secret": (
        Q("Can we share the {quarter} numbers with the wider team yet?",
          "People are asking. Is there a date when the {quarter} numbers become public "
          "inside the company?", ("{qtag}", "confidential"),
          ("Not before the board meeting; after that, at the all-hands.",
           "Keep it in this space until then, please.")),
        Q("Who's in the loop for the {customer} negotiation?",
          "Before I reply to {customer}: who else has seen their latest proposal?",
          ("negotiation", "confidential"),
          ("Legal, Finance and the two of us. Nobody else for now.",
           "{person} is preparing the counter-proposal; align with them first.")),
        Q("What do we tell people if they ask about the reorganisation?",
          "Rumours are going round. Is there an agreed line until the announcement?",
          ("communications", "confidential"),
          ("'Nothing is decided yet; there'll be an announcement soon.' Nothing more.",
           "Send anyone with specific questions to {person}.")),
    ),
}  # fmt: skip

# Answers that fit any question in a space of a kind ("" company-wide, "secret" secret).
KIND_ANSWERS: dict[str, tuple[str, ...]] = {
    Kind.PRODUCT: (
        "It's in the {product} {version} release notes, under *Admin*.",
        "Yes, but only on the Enterprise plan for now.",
        "We answered this for {customer} last month; same answer applies.",
        "I asked the {product} team: it's planned, no date yet. {ticket} tracks it.",
    ),
    Kind.SERVICE: (
        "The runbook covers this: search the handbook for it, second section.",
        "Open a ticket with the service desk; they do it the same day.",
        "It changed this quarter, so older pages are out of date. Ask {person} for the "
        "current process.",
    ),
    Kind.IDEA: (
        "We tried a version of this in my last company; it worked when someone owned it.",
        "Start small: one team for a month, then decide.",
        "Happy to help. Put it on the agenda for the next idea review.",
    ),
    Kind.TEAM: (
        "Let's settle it in the next sync.",
        "It's in the team doc; I've pinned it.",
        "{person} owns that, I think.",
    ),
    Kind.COMMUNITY: (
        "Ha, good question! I'd say go for it.",
        "Whatever you do, take photos and post them here.",
        "I'm in, count me in for next time.",
    ),
    Kind.VIDEO: (
        "All recordings are in this space, newest first.",
        "The video team can help; they're quick.",
    ),
    "": (
        "The handbook has a page on exactly this.",
        "People & Culture can confirm, but I believe the answer is yes.",
        "Ask {person}: they sorted this out for our team last quarter.",
    ),
    "secret": (
        "Let's discuss it in the next meeting rather than here.",
        "Not yet; wait for the official decision.",
    ),
}

# Any question, anywhere.
GENERIC_ANSWERS = (
    "I had the same problem, {author}: what worked for me was asking {person} directly.",
    "Short answer: yes. Longer answer in the docs.",
    "It depends on the customer's plan; check the contract first.",
    "There's a page in the handbook; search for the exact phrase.",
)

# Comments on a question itself (answers go in answers).
QUESTION_COMMENTS = (
    "Following, I'd like to know too.",
    "+1, {customer} asked me the same thing.",
    "Good question, {author}.",
    "Can you say which version they are on?",
    "Looping in {person}, who may know.",
    "Same question here.",
)

# An optional last line that makes a template's questions less alike.
OUTROS = (
    "", "", "", "",
    "\n\nThanks in advance!",
    "\n\nAny pointer welcome.",
    "\n\ncc {person3}",
)  # fmt: skip


def _pools() -> dict[str, tuple[QuestionTemplate, ...]]:
    """Questions for each key: secret spaces also ask what teams ask."""
    pools = dict(QUESTIONS)
    pools["secret"] = (*QUESTIONS["secret"], *QUESTIONS[Kind.TEAM])
    return pools


POOLS = _pools()
ANSWER_POOLS = {key: (*answers, *GENERIC_ANSWERS) for key, answers in KIND_ANSWERS.items()}
