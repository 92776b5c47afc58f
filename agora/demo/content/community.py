"""What the demo company posts in its idea and community spaces, and company-wide: one
template per post, like ``posts``."""

from __future__ import annotations

from agora.demo.content.people import CS, ENG, FINANCE, LEGAL, MARKETING, PEOPLE, PRODUCT, SALES
from agora.demo.content.posts import PostTemplate

T = PostTemplate

COMMUNITY_POSTS: dict[str, tuple[PostTemplate, ...]] = {
    "Innovation Lab": (
        T("Idea: let people ask the docs questions in plain language inside Atlas. We "
          "already have the search index; a small prototype could be a hack-week project. "
          "Who's in? #hackweek #idea", commenters=(ENG, PRODUCT, CS), days_ago=105),
        T("Hack week results: {n} teams demoed. Winner: *offline-first sync for Beacon* "
          "by {person} and {person2}. 🏆 #hackweek", authors=(PRODUCT, ENG), days_ago=84,
          comments=("The offline demo in a lift with no signal was the best moment of "
                    "the week.",)),
        T("What if Customer Success could see feature flags per account? It would save a "
          "lot of back and forth with engineering. #idea", authors=(CS,),
          commenters=(ENG, PRODUCT)),
        T("Idea: a *first week* bot that greets new hires and links the five docs everyone "
          "asks for. #onboarding #idea", authors=(PEOPLE, ENG)),
        T("Experiment report: we tried ten-minute daily stand-ups for a month. Verdict: "
          "fewer meetings overall, but async updates worked better for Singapore. #experiment"),
        T("Could we offer customers a read-only status widget for their own workspace? "
          "**{customer}** asked, and I bet others want it too. #idea", authors=(SALES, CS)),
        T("Failed experiment, shared on purpose: we tried AI-written release notes for a "
          "month. Engineers liked them; customers found them vague. Back to humans, with a "
          "template. #experiment #learning", authors=(PRODUCT,)),
        T("Idea: a monthly 'customer hour' where anyone can listen in on a real customer "
          "call, with permission. Engineers would hear the questions first-hand. #idea "
          "#customers", authors=(CS, SALES), commenters=(ENG, PRODUCT),
          comments=("I'd join every month. Can we record them for other time zones?",)),
        T("Prototype: a Slack-style `/ask` command that posts a question to Agora and "
          "finds who answered similar ones. Ten lines of glue on the search API. #prototype "
          "#idea", authors=(ENG,), people=("jonas.weber", "sofia.rossi")),
        T("What would you build if you had one week and no roadmap? Collecting ideas for "
          "the next hack week until {day}. #hackweek #idea", authors=(PRODUCT, ENG),
          days_ago=9,
          comments=("A home-screen widget for Beacon with today's jobs.",
                    "Self-service SSO setup for small customers, please!")),
        T("Idea: let customers vote on the public roadmap, and show them what happened to "
          "their vote. #idea #feedback", authors=(PRODUCT, MARKETING)),
    ),
    "Green Office Ideas": (
        T("The {city} office now has compost bins. Please keep coffee cups out of them; "
          "they're lined with plastic. #sustainability"),
        T("Proposal: trains by default for trips under five hours (London to Paris, "
          "Berlin to Amsterdam). Finance says the cost difference is small. Thoughts? "
          "#travel #sustainability", commenters=(FINANCE, PEOPLE, SALES), days_ago=100,
          comments=("Sales travels the most; I'm in favour as long as last-minute "
                    "customer meetings can still fly.",)),
        T("The {city} office used {pct}% less electricity last month after the lighting "
          "sensors went in. #sustainability"),
        T("Bike-to-work scheme is open until {day}. {person} can answer questions. "
          "#benefits", authors=(PEOPLE,)),
        T("Idea: a swap shelf in the {city} kitchen for books, plants and mugs. "
          "#sustainability"),
        T("Could we switch the default meeting-room screens to sleep after 10 minutes? "
          "They're on all night. #sustainability #office"),
        T("Reusable cup challenge: {n} weeks, one cup each. {person} has the cups. "
          "#sustainability", authors=(PEOPLE,)),
        T("Our first carbon report is out: cloud hosting is {pct}% of our footprint, "
          "business travel most of the rest. The cloud part we can shrink ourselves. "
          "#sustainability #report", authors=(FINANCE, ENG), days_ago=38),
    ),
    "Watercooler": (
        T("What's everyone reading? I just finished *The Making of a Manager* and would "
          "recommend it. #books"),
        T("The coffee machine in {city} has a new setting called **\"extra strong\"**. I "
          "have questions. ☕"),
        T("Photos from the summer party are on the shared drive. Thanks {person} for "
          "organising! #social", days_ago=128),
        T("Lunch recommendations near the {city} office? I'm there for the week. #lunch"),
        T("Board games evening in {city} on Thursday? I'll bring Catan. #social"),
        T("Pet picture Friday: show us your four-legged coworkers. #pets"),
        T("Who else is learning a language? I'm {n} weeks into Portuguese for the Lisbon "
          "visits. #languages"),
        T("Podcast recommendations for a long flight? I've run out of true crime. "
          "#podcasts"),
        T("The {city} office plant that everyone assumed was fake has just flowered. 🌸"),
        T("Baking club: this week's challenge is focaccia. Photos in the comments, "
          "tasting on Friday. #baking"),
        T("Does anyone want to split a season ticket for the football in {city}? Two "
          "seats, home games only. #sport"),
        T("Lost: a blue umbrella with a duck handle, last seen in the lift. Sentimental "
          "value. ☂️ #lostandfound"),
        T("Movie night in {city} on {day}: we're voting between two classics and a "
          "documentary. Popcorn on the company. #social"),
        T("Tip for new parents here: the parents' group meets on the first Tuesday of the "
          "month, online, and shares everything from sleep hacks to nursery lists. #parents",
          authors=(PEOPLE,)),
        T("Winter is here: the {city} office heating now starts at 07:00. Blankets are in "
          "the meeting room cupboard. 🧣 #office", days_ago=12),
        T("Quiz night results: Team Kernel Panic won by one point, on a question about "
          "the Eurovision winner of 1974. #social #quiz"),
    ),
    "Running Club": (
        T("Sunday long run in {city}: 16 km at an easy pace, meet at 09:00. All paces "
          "welcome. #running"),
        T("This month we ran **{big} km** together! {person} alone did {num}. 🏃 #running"),
        T("Signed up for the {city} half marathon. Anyone else? Matching shirts? #running"),
        T("Lunchtime 5k on {day}, from the {city} office door. #running"),
        T("Running in the dark season: wear something bright and a head torch. The "
          "evening group now does a lit loop through the park. #running #safety",
          days_ago=20),
        T("Strava club is up: search for *Northwind Running* and ask to join. {n} of us "
          "already. #running", days_ago=110),
        T("First race report! I finished my first 10k in {city}, slowly and happily. Thank "
          "you all for the Sunday runs. 🏅 #running"),
        T("Injury corner: who has a good physio in {city}? My knee has opinions. #running"),
    ),
}  # fmt: skip

COMPANY_POSTS = (
    T("What I learned from {n} years of on-call: most incidents start with a *small* "
      "config change. Slides from my lightning talk are in the handbook. #oncall",
      authors=(ENG,), people=("mei.tan", "tomas.silva")),
    T("TIL the docs search supports `site:` filters. Try `site:atlas sso`. #tips"),
    T("Has anyone worked with **{customer}**'s procurement team before? Any tips? #sales",
      authors=(SALES,), commenters=(SALES, FINANCE, LEGAL), people=("sam",),
      comments=("They always ask for our SOC 2 report first; send it with the proposal.",)),
    T("A retro format that works for us: one thing to keep, one to stop, one experiment. "
      "Ten minutes, done. #teams"),
    T("I'm running a workshop on writing good RFCs on {day}. {n} places left. #learning",
      authors=(ENG, PRODUCT)),
    T("I can mentor {n} people interested in product management this half. Reply or "
      "send me a message. #mentoring", authors=(PRODUCT,)),
    T("Shout-out to {person} for staying late to get **{customer}** through their "
      "migration. #kudos", authors=(CS,)),
    T("Our team's OKRs for {quarter} are in the handbook. Feedback welcome, especially "
      "from Sales and CS. #okrs #{qtag}", authors=(ENG, PRODUCT, MARKETING)),
    T("Question for Engineering: what's the honest answer when a customer asks about "
      "uptime? We quote 99.9%; what did we actually hit last quarter? #reliability",
      authors=(SALES,), commenters=(ENG,), people=("james.whitfield", "noah.kim"),
      comments=("99.97% for Atlas and 99.95% for Beacon sync. The status page has the "
                "month-by-month breakdown.", "And the SLA credits are in the contract "
                "template if they push.")),
    T("Customer story draft: how **{customer}** cut onboarding time by {pct}% with Atlas. "
      "{person}, could you check the technical bits? #marketing", authors=(MARKETING,)),
    T("Privacy reminder: customer data never goes into spreadsheets on personal drives. "
      "If you need an export, ask {person}. #privacy #security", authors=(LEGAL,)),
    T("Expense reports for {quarter} are due by {day}. Receipts in the app, please, not "
      "by email. #finance", authors=(FINANCE,)),
    T("Three things I wish I'd known in my first month here:\n\n1. Ask in the open, not "
      "in DMs\n2. The handbook is searchable\n3. Everybody is happy to pair\n\n#onboarding"),
    T("Contract templates v{n} are live: shorter DPA, clearer liability cap. Sales, "
      "please use these from {day}. #legal #contracts", authors=(LEGAL,)),
    T("Interviewing tip: write your feedback before you read anyone else's. {person} "
      "explains why in the hiring guide. #hiring", authors=(PEOPLE, ENG)),
    T("Week {week} in Marketing: {n} webinars, {big} sign-ups, and a new case study "
      "with **{customer}**. #marketing", authors=(MARKETING,)),
    T("Accessibility fact of the week: about one in five of our customers' users "
      "changes the default text size. Test your screens at 200% zoom. #accessibility",
      authors=(ENG, PRODUCT), people=("sofia.rossi",)),
    T("Threat modelling in one question: *what would you do if you wanted to misuse "
      "this feature?* Ask it in your next design review and write down the answer. "
      "#security", authors=(ENG,), people=("aisha.rahman",)),
    T("Writing tip from the docs team: put the answer in the first sentence, then the "
      "reasons. It works for emails, tickets and posts here. #writing"),
    T("Our new brand guidelines are in the handbook: one typeface, a calmer blue, and "
      "photos of real customers instead of stock. Old templates retire on {day}. #brand",
      authors=(MARKETING,), people=("chloe.martin",), days_ago=52),
    T("GDPR reminder: a customer's request to delete their data must be answered within "
      "a month. Forward any such request to {person} the day it arrives. #gdpr #privacy",
      authors=(LEGAL,), people=("aaliyah.brown",)),
    T("Month-end close is done in {n} working days, our fastest yet. The trick was "
      "reconciling the cards weekly instead of monthly. #finance", authors=(FINANCE,),
      people=("sara.lindqvist",)),
    T("Looking for volunteers to interview candidates for the Lisbon support team: two "
      "hours a week for a month, training included. #hiring #interviewing",
      authors=(PEOPLE,), people=("karim.benali",)),
    T("Sales kick-off recap: the three messages for next half are *secure by default*, "
      "*works offline* and *one platform*. Deck and recording in the handbook. #sales "
      "#enablement", authors=(SALES, MARKETING), people=("charlotte.dubois",), days_ago=42),
    T("I'm collecting questions for a customer webinar on data residency. What do your "
      "customers ask most? #webinar #gdpr", authors=(MARKETING,), commenters=(SALES, CS, LEGAL),
      comments=("Whether backups leave the EU. Every single time.",)),
    T("Our carbon-neutral shipping pilot for customer hardware kits is over: {pct}% more "
      "expensive, {num} fewer tonnes of CO₂. We're making it the default. "
      "#sustainability", authors=(FINANCE,), people=("emily.zhang",)),
    T("Performance review season starts on {day}. This cycle is lighter: one page per "
      "person, written with them, and no ratings. Guide in the handbook. #reviews",
      authors=(PEOPLE,), people=("olivia.grant", "ingrid.larsen"), days_ago=24),
    T("Postmortems are the best reading in this company. If you have never read one, "
      "start with last month's API degradation write-up in Cloud Infrastructure: clear, "
      "honest and short. "
      "#postmortem #learning", authors=(ENG,), people=("tomas.silva",)),
    T("Support tip for everyone who talks to customers: the status page has an RSS feed "
      "and email alerts. Point customers there before they open a ticket. #support",
      authors=(CS,)),
    T("Finance FAQ: yes, you can expense a book for work (up to €40 without asking), "
      "and yes, e-books count. #finance #learning", authors=(FINANCE,)),
)  # fmt: skip
