"""What the demo company says: departments, people, spaces and the words they write.

Pure data, read by ``agora.demo.company``. Post and comment texts are ``str.format`` templates
whose ``{slots}`` the seeder fills per post (see ``demo.Slots``): ``customer``, ``customer2``,
``product``, ``version``, ``ticket``, ``n`` (2-9), ``num`` (10-99), ``big`` (100-999),
``pct``, ``amount``, ``week``, ``quarter``, ``qtag``, ``day``, ``city``, ``person`` and
``person2`` (@mentions of people who can read the post), ``author`` (the post author's first
name) and, in replies, ``to`` (the first name of the person replied to). Literal braces
must be doubled. No template mentions more than two people.
"""

from __future__ import annotations

from dataclasses import dataclass

COMPANY = "Northwind"
DOMAIN = "northwind.example"

ENG = "Engineering"
PRODUCT = "Product"
SALES = "Sales"
MARKETING = "Marketing"
CS = "Customer Success"
FINANCE = "Finance"
PEOPLE = "People & Culture"
LEGAL = "Legal"

DEPARTMENTS = {
    ENG: "Builds and runs Atlas, Beacon and Cobalt, and the platform underneath them.",
    PRODUCT: "Decides what we build next and why: product management, design and analytics.",
    SALES: "Finds and wins new customers in EMEA, North America and APAC.",
    MARKETING: "Brand, content, events and launches that make customers call Sales.",
    CS: "Onboards, supports and renews our customers.",
    FINANCE: "Planning, accounting, procurement and the numbers behind every decision.",
    PEOPLE: "Hiring, onboarding, benefits, wellbeing and the way we work together.",
    LEGAL: "Contracts, privacy and compliance, without slowing anyone down.",
}

CUSTOMERS = (
    "Contoso", "Fabrikam", "Tailspin Toys", "Wide World Importers", "Adventure Works",
    "Litware", "Woodgrove Bank", "Alpine Ski House", "Coho Winery", "Proseware",
    "Fourth Coffee", "Trey Research", "Lucerne Publishing", "Blue Yonder Airlines",
)  # fmt: skip
CITIES = ("London", "Berlin", "Lisbon", "New York", "Singapore")
PRODUCTS = {"Atlas": (4, 10), "Beacon": (2, 6), "Cobalt": (1, 2)}  # name: (major, first minor)


@dataclass(frozen=True)
class Person:
    """One employee of the demo company; ``key`` is the local part of their email."""

    key: str
    name: str
    department: str
    title: str
    location: str
    skills: tuple[str, ...]
    bio: str


# The four personas come first; their keys are fixed by the demo logins.
PERSONAS = (("engineer", "ada"), ("salesperson", "sam"), ("moderator", "maya"),
            ("administrator", "admin"))  # fmt: skip

# Administrators named these people official voices: they may mark their answers official.
OFFICIAL_VOICES = ("elena.petrova",)  # the VP Product

PEOPLE_LIST = (
    Person("ada", "Ada Okafor", ENG, "Staff Engineer", "London",
           ("Python", "Distributed systems", "Kubernetes", "PostgreSQL"),
           "Staff engineer on Atlas Platform. I like boring, reliable systems and honest "
           "incident write-ups."),
    Person("sam", "Sam Rivera", SALES, "Account Executive", "New York",
           ("Enterprise sales", "Negotiation", "Salesforce"),
           "Enterprise accounts on the East Coast. Ask me what customers actually say about "
           "our products."),
    Person("maya", "Maya Chen", PEOPLE, "Community Manager", "London",
           ("Community building", "Facilitation", "Internal comms"),
           "I look after Agora and our internal events. If a conversation needs a nudge, "
           "I'm your person."),
    Person("admin", "Priya Nair", ENG, "IT Administrator", "London",
           ("Identity and SSO", "Networking", "Endpoint management"),
           "I keep laptops, SSO and the office Wi-Fi running. Ask in IT Helpdesk before you "
           "reboot anything twice."),
    Person("tomas.silva", "Tomás Silva", ENG, "Chief Technology Officer", "Lisbon",
           ("Architecture", "Hiring", "Go"), "CTO. Former SRE, still carries a pager in spirit."),
    Person("jonas.weber", "Jonas Weber", ENG, "Senior Backend Engineer", "Berlin",
           ("Go", "gRPC", "Kafka"), "Backend on Atlas. Marathon runner, sourdough baker."),
    Person("mei.tan", "Mei Lin Tan", ENG, "SRE Lead", "Singapore",
           ("Kubernetes", "Terraform", "Observability"),
           "Leads site reliability. Ask me about error budgets."),
    Person("kwame.mensah", "Kwame Mensah", ENG, "Mobile Engineer", "London",
           ("Swift", "Kotlin", "React Native"), "Builds Beacon for iOS. Runs the Running Club."),
    Person("sofia.rossi", "Sofia Rossi", ENG, "Frontend Engineer", "Lisbon",
           ("TypeScript", "React", "Accessibility"),
           "Frontend and accessibility. Keyboard-only on Fridays."),
    Person("daniel.cohen", "Daniel Cohen", ENG, "Data Engineer", "New York",
           ("Python", "dbt", "Airflow", "SQL"), "Pipelines that feed Cobalt Analytics."),
    Person("aisha.rahman", "Aisha Rahman", ENG, "Security Engineer", "Remote",
           ("Application security", "Threat modelling", "AWS"),
           "Application security. I will ask you about your threat model."),
    Person("lukas.novak", "Lukas Novak", ENG, "Platform Engineer", "Berlin",
           ("Kubernetes", "Rust", "CI/CD"), "CI, build tooling and the clusters they run on."),
    Person("hannah.schmidt", "Hannah Schmidt", ENG, "Engineering Manager", "Berlin",
           ("People management", "Agile", "Java"),
           "Manages Platform Engineering. Fan of short meetings and long walks."),
    Person("ravi.iyer", "Ravi Iyer", ENG, "Senior Mobile Engineer", "Singapore",
           ("Kotlin", "Android", "Performance"), "Android side of Beacon. Crash-rate hunter."),
    Person("grace.oneill", "Grace O'Neill", ENG, "QA Engineer", "Remote",
           ("Test automation", "Playwright", "Python"),
           "Quality engineering from Dublin. Flaky tests fear me."),
    Person("elena.petrova", "Elena Petrova", PRODUCT, "VP Product", "London",
           ("Product strategy", "Roadmapping", "Pricing"), "Leads Product. Asks 'why' a lot."),
    Person("marcus.johnson", "Marcus Johnson", PRODUCT, "Product Manager, Atlas", "New York",
           ("Product discovery", "APIs", "Analytics"), "PM for Atlas. Talks to customers daily."),
    Person("yuki.tanaka", "Yuki Tanaka", PRODUCT, "Product Designer", "Singapore",
           ("Figma", "Design systems", "User research"), "Designs Cobalt and our design system."),
    Person("fatima.zahra", "Fatima Zahra", PRODUCT, "Product Manager, Beacon", "Lisbon",
           ("Mobile", "Experimentation", "SQL"), "PM for Beacon. Field technicians are my people."),
    Person("oliver.bennett", "Oliver Bennett", PRODUCT, "Product Analyst", "London",
           ("SQL", "Looker", "Experimentation"), "Numbers, funnels and the occasional chart."),
    Person("charlotte.dubois", "Charlotte Dubois", SALES, "VP Sales", "London",
           ("Sales leadership", "Forecasting", "Enterprise sales"),
           "Runs Sales worldwide. Forecast calls on Mondays, coffee any day."),
    Person("mateo.fernandez", "Mateo Fernández", SALES, "Account Executive, EMEA", "Lisbon",
           ("Enterprise sales", "Spanish", "Public sector"), "Iberia and public sector deals."),
    Person("anna.kowalski", "Anna Kowalski", SALES, "Sales Engineer", "Berlin",
           ("Solution design", "APIs", "Demos"), "Sales engineer: I make the demo work."),
    Person("james.whitfield", "James Whitfield", SALES, "Account Executive", "London",
           ("Financial services", "Negotiation"), "Banks and insurers in the UK."),
    Person("lina.haddad", "Lina Haddad", SALES, "Sales Development Representative", "Lisbon",
           ("Prospecting", "Outreach", "French"), "First calls with new prospects in EMEA."),
    Person("noah.kim", "Noah Kim", SALES, "Account Executive, APAC", "Singapore",
           ("Enterprise sales", "Korean", "Partnerships"), "APAC accounts and partners."),
    Person("isabel.moreno", "Isabel Moreno", SALES, "Sales Operations Manager", "Remote",
           ("Salesforce", "Forecasting", "Pricing"), "CRM, quotas and the pricing calculator."),
    Person("chloe.martin", "Chloe Martin", MARKETING, "Chief Marketing Officer", "London",
           ("Brand", "Positioning", "Leadership"), "Marketing lead. Words matter."),
    Person("ethan.brooks", "Ethan Brooks", MARKETING, "Content Marketing Lead", "New York",
           ("Copywriting", "SEO", "Video"), "Blog, videos and customer stories."),
    Person("priyanka.shah", "Priyanka Shah", MARKETING, "Product Marketing Manager", "London",
           ("Positioning", "Launches", "Competitive intelligence"),
           "Launches and competitive notes for Atlas and Cobalt."),
    Person("leo.schneider", "Leo Schneider", MARKETING, "Events Manager", "Berlin",
           ("Events", "Partnerships", "Budgeting"), "Trade fairs, meetups and the summer party."),
    Person("zoe.adams", "Zoe Adams", MARKETING, "Growth Marketer", "Remote",
           ("Paid acquisition", "Analytics", "Experimentation"), "Sign-ups and the funnel."),
    Person("rosa.delgado", "Rosa Delgado", CS, "Head of Customer Success", "New York",
           ("Customer success", "Renewals", "Team leadership"), "Customers first, always."),
    Person("ben.carter", "Ben Carter", CS, "Customer Success Manager", "London",
           ("Onboarding", "Renewals", "Training"), "Onboarding and renewals for UK accounts."),
    Person("nadia.ivanova", "Nadia Ivanova", CS, "Support Engineer", "Berlin",
           ("Troubleshooting", "SQL", "APIs"), "Second-line support. I read logs for fun."),
    Person("kenji.watanabe", "Kenji Watanabe", CS, "Customer Success Manager, APAC",
           "Singapore", ("Onboarding", "Japanese", "Account planning"), "APAC customers."),
    Person("amara.eze", "Amara Eze", CS, "Support Team Lead", "Lisbon",
           ("Zendesk", "Knowledge base", "Coaching"), "Leads the support team and its playbook."),
    Person("hugo.laurent", "Hugo Laurent", CS, "Implementation Consultant", "Remote",
           ("Data migration", "APIs", "Project management"), "Gets big customers live."),
    Person("david.levi", "David Levi", FINANCE, "Chief Financial Officer", "London",
           ("FP&A", "M&A", "Fundraising"), "CFO. Spreadsheets are a love language."),
    Person("sara.lindqvist", "Sara Lindqvist", FINANCE, "Financial Controller", "Lisbon",
           ("Accounting", "IFRS", "Audit"), "Month-end close and audits."),
    Person("arjun.mehta", "Arjun Mehta", FINANCE, "FP&A Analyst", "London",
           ("Financial modelling", "Excel", "Forecasting"), "Budgets, forecasts and models."),
    Person("emily.zhang", "Emily Zhang", FINANCE, "Procurement Specialist", "New York",
           ("Procurement", "Vendor management", "Contracts"), "Buying software the right way."),
    Person("olivia.grant", "Olivia Grant", PEOPLE, "Chief People Officer", "New York",
           ("Organisational design", "Coaching", "Employment law"), "People, culture, growth."),
    Person("karim.benali", "Karim Benali", PEOPLE, "Talent Acquisition Partner", "Lisbon",
           ("Recruiting", "Employer branding", "Interviewing"), "Hiring engineers and sellers."),
    Person("ingrid.larsen", "Ingrid Larsen", PEOPLE, "People Partner", "Berlin",
           ("Performance reviews", "Wellbeing", "Onboarding"),
           "People partner for Engineering and Product. Also runs Green Office."),
    Person("thomas.muller", "Thomas Müller", LEGAL, "General Counsel", "Berlin",
           ("Commercial contracts", "M&A", "Compliance"), "Legal lead. Reads the small print."),
    Person("aaliyah.brown", "Aaliyah Brown", LEGAL, "Privacy Counsel", "London",
           ("GDPR", "Data protection", "Privacy by design"), "Privacy and data protection."),
    Person("felix.wagner", "Felix Wagner", LEGAL, "Legal Operations Manager", "Remote",
           ("Contract management", "Process design"), "Contract workflows and templates."),
)  # fmt: skip


# Whom each persona follows; everyone else follows a few people, mostly in their department.
PERSONA_FOLLOWS = {
    "ada": ("tomas.silva", "mei.tan", "jonas.weber", "aisha.rahman", "marcus.johnson", "maya"),
    "sam": ("charlotte.dubois", "anna.kowalski", "rosa.delgado", "priyanka.shah", "ada"),
    "maya": ("olivia.grant", "ingrid.larsen", "karim.benali", "kwame.mensah", "admin", "ada"),
    "admin": ("aisha.rahman", "mei.tan", "lukas.novak", "tomas.silva", "ada"),
}


@dataclass(frozen=True)
class SpaceSpec:
    """A demo space: who owns, moderates and belongs to it, and how many posts it gets.

    ``members`` holds person keys and department names; ``share`` adds that fraction of
    everyone else at random. ``requests`` are pending join requests (key, message).
    ``posting`` "managers" keeps starting posts and questions to the owner and moderators.
    """

    name: str
    kind: str
    visibility: str
    description: str
    owner: str
    posts: int
    moderators: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    share: float = 0.0
    requests: tuple[tuple[str, str], ...] = ()
    product: str = ""
    posting: str = "members"


SPACES = (
    SpaceSpec("Announcements", "community", "open",
              "Company news from leadership, People & Culture and IT. Everyone is a member; "
              "keep it for things the whole company should read: only its owner and "
              "moderators start posts, and everyone comments and reacts.",
              owner="admin", posts=18, share=1.0, posting="managers",
              # Who announces: People & Culture, and the heads of Engineering, Product
              # and Finance (the authors of its post templates).
              moderators=("maya", "olivia.grant", "tomas.silva", "elena.petrova",
                          "david.levi")),
    SpaceSpec("Atlas Platform", "product", "open",
              "Everything about Atlas, our workspace platform: releases, roadmap, customer "
              "questions and feedback. Sales and CS questions are very welcome here.",
              owner="marcus.johnson", posts=30, moderators=("ada",),
              members=(ENG, PRODUCT, "sam", "anna.kowalski", "james.whitfield",
                       "nadia.ivanova", "hugo.laurent", "ben.carter", "priyanka.shah"),
              product="Atlas"),
    SpaceSpec("Beacon Mobile App", "product", "open",
              "Beacon is our mobile app for field teams. Releases, beta programmes, crash "
              "reports and what customers are asking for.",
              owner="fatima.zahra", posts=20,
              members=("kwame.mensah", "ravi.iyer", "sofia.rossi", "grace.oneill",
                       "hannah.schmidt", "ada", PRODUCT, "zoe.adams", "priyanka.shah",
                       "amara.eze", "kenji.watanabe", "noah.kim"),
              share=0.1, product="Beacon"),
    SpaceSpec("Cobalt Analytics", "product", "private",
              "Cobalt is our analytics product, in private beta. Pricing, data model and "
              "design discussions happen here until general availability.",
              owner="elena.petrova", posts=12, moderators=("oliver.bennett",),
              members=("daniel.cohen", "marcus.johnson", "yuki.tanaka", "arjun.mehta",
                       "jonas.weber", "ada", "priyanka.shah"),
              requests=(("sam", "Two of my accounts keep asking about usage dashboards; "
                                "I'd love to follow the beta."),
                        ("zoe.adams", "Interested in the funnel reports for marketing.")),
              product="Cobalt"),
    SpaceSpec("IT Helpdesk", "service", "open",
              "Ask IT anything: laptops, accounts, SSO, VPN, printers. Announcements about "
              "security and maintenance are posted here first.",
              owner="admin", posts=24, moderators=("aisha.rahman",), share=0.7),
    SpaceSpec("Cloud Infrastructure", "service", "open",
              "The clusters, databases and networks under our products. Postmortems, "
              "maintenance windows, cost reports and runbooks.",
              owner="admin", posts=20, moderators=("mei.tan",),
              members=(ENG, "daniel.cohen", "nadia.ivanova", "anna.kowalski", "arjun.mehta")),
    SpaceSpec("Customer Support Playbook", "service", "private",
              "How we support customers: macros, escalation paths, ticket metrics and renewal "
              "risks. Private because we discuss individual accounts.",
              owner="rosa.delgado", posts=15, moderators=("amara.eze",),
              members=(CS, "sam", "anna.kowalski", "charlotte.dubois", "grace.oneill"),
              requests=(("priyanka.shah", "Would help me write launch FAQs that match "
                                          "what support actually sees."),)),
    SpaceSpec("Innovation Lab", "idea", "open",
              "Half-baked ideas welcome. Pitch something, find collaborators for hack week, "
              "and tell us what you learned from the experiments that failed.",
              owner="elena.petrova", posts=18, moderators=("maya",), share=0.5),
    SpaceSpec("Green Office Ideas", "idea", "open",
              "Ideas for running our offices and travel more sustainably, from composting to "
              "train-first travel policies.",
              owner="ingrid.larsen", posts=10, moderators=("maya",), share=0.35),
    SpaceSpec("Sales EMEA", "team", "private",
              "The EMEA sales team: pipeline, wins, pricing approvals and events. Private "
              "because deal terms are confidential.",
              owner="charlotte.dubois", posts=22, moderators=("isabel.moreno",),
              members=("mateo.fernandez", "james.whitfield", "lina.haddad", "anna.kowalski",
                       "ben.carter", "leo.schneider", "priyanka.shah", "david.levi")),
    SpaceSpec("Platform Engineering", "team", "private",
              "The platform team's room: RFCs, on-call handovers, CI and release planning. "
              "Open to all engineers on request.",
              owner="hannah.schmidt", posts=25, moderators=("ada",), members=(ENG,),
              requests=(("nadia.ivanova", "Support engineer here; the on-call handovers "
                                          "would help me answer escalations faster."),)),
    SpaceSpec("Leadership Offsite 2027", "team", "secret",
              "Planning the 2027 leadership offsite: agenda, venue and pre-reads. Please "
              "keep the contents to this group until the plan is announced.",
              owner="olivia.grant", posts=6,
              members=("tomas.silva", "elena.petrova", "charlotte.dubois", "chloe.martin",
                       "rosa.delgado", "david.levi", "thomas.muller", "maya")),
    SpaceSpec("Project Falcon", "team", "secret",
              "Project Falcon: the proposed acquisition of a small analytics company. "
              "Strictly need-to-know; do not mention the target's name outside this space.",
              owner="david.levi", posts=8,
              members=("tomas.silva", "thomas.muller", "ada", "arjun.mehta", "elena.petrova",
                       "aisha.rahman")),
    SpaceSpec("Watercooler", "community", "open",
              "Everything that is not work: books, lunch spots, pets, photos and the coffee "
              "machine's latest moods.",
              owner="olivia.grant", posts=28, moderators=("maya",), share=0.85),
    SpaceSpec("Running Club", "community", "open",
              "Northwind runners of every pace. Weekend long runs, race sign-ups and the "
              "monthly distance challenge.",
              owner="kwame.mensah", posts=12,
              members=("jonas.weber", "ingrid.larsen", "mateo.fernandez", "mei.tan",
                       "ben.carter", "maya", "hugo.laurent", "yuki.tanaka", "noah.kim",
                       "aaliyah.brown", "zoe.adams")),
)  # fmt: skip

COMPANY_WIDE_POSTS = 32  # posts outside any space, shown on profiles and home feeds


@dataclass(frozen=True)
class PostTemplate:
    """A post the seeder can write: who tends to write it, who answers, and how."""

    body: str
    authors: tuple[str, ...] = ()  # departments; empty means any member
    commenters: tuple[str, ...] = ()  # departments that usually answer; empty means anyone
    comments: tuple[str, ...] = ()  # comments that fit this post in particular
    once: bool = False  # one-off news that would look odd twice


T = PostTemplate

POSTS: dict[str, tuple[PostTemplate, ...]] = {
    "Announcements": (
        T("👋 Please welcome {person}, who joins us this week! Say hi and share your best tip "
          "for a first week at Northwind. #welcome #onboarding", authors=(PEOPLE,)),
        T("The {city} office will be closed on {day} for electrical maintenance. Work from "
          "home or use the co-working passes (ask {person}). #office", authors=(PEOPLE, ENG)),
        T("Open enrolment for benefits closes at the end of the month. What changed this "
          "year:\n\n- Higher learning budget (**€{big}** a year)\n- Mental health days are "
          "now separate from sick leave\n- Bike-to-work in every office\n\n#benefits",
          authors=(PEOPLE,), once=True),
        T("All-hands on {day} at 16:00 UTC: {quarter} results, the roadmap and an open Q&A. "
          "Post your questions here in advance; anonymous ones go through {person}. #allhands",
          authors=(PEOPLE, ENG, PRODUCT, FINANCE)),
        T("The engagement survey closes on {day}; {pct}% of us have answered so far. It "
          "takes ten minutes and it is anonymous. #survey", authors=(PEOPLE,)),
        T("{quarter} results in one paragraph: revenue up {pct}% on last quarter, net "
          "retention above target, and {n} new logos including **{customer}**. Thank you all. "
          "Slides are in the handbook. #{qtag}", authors=(FINANCE,), once=True),
        T("🔐 From {day}, every admin account must sign in with a hardware security key. "
          "Keys are at the IT desk in each office. Details in IT Helpdesk. #security",
          authors=(ENG,), once=True),
        T("We're hiring! {n} open roles in Engineering and Sales. Referrals get a bonus and "
          "our eternal gratitude; talk to {person}. #hiring", authors=(PEOPLE,)),
    ),
    "Atlas Platform": (
        T("**Atlas {version}** is rolling out to all EU tenants today. Highlights:\n\n"
          "- Bulk export for audit logs\n- `atlas sync` is {n}x faster on large workspaces\n"
          "- Webhook retries now back off exponentially (capped at one hour)\n\n"
          "Release notes: https://docs.northwind.example/atlas/{version} #release",
          authors=(PRODUCT, ENG),
          comments=("Bulk audit export is the one {customer} has been waiting for. Telling "
                    "them today!", "Any changes to the API rate limits in this release?",
                    "No rate-limit changes; those come with the v3 API.")),
        T("Quick one from a customer call: **{customer}** wants to know whether Atlas "
          "supports SCIM provisioning from Okta *and* Azure AD at the same time. Can I "
          "promise that? #sso", authors=(SALES, CS), commenters=(ENG, PRODUCT),
          comments=("Yes: since {version} a tenant can connect two identity providers, each "
                    "with its own SCIM token.", "One caveat: group sync is per identity "
                    "provider, so the same group name from both shows up twice.",
                    "There's a section on this in the admin guide, search for 'multiple IdPs'.")),
        T("We crossed **{big} active workspaces** on Atlas this week. Thanks to everyone who "
          "helped with onboarding, especially {person} and {person2}. #milestone",
          authors=(PRODUCT,)),
        T("Proposal: retire the v1 REST endpoints at the end of {quarter}. v1 is down to "
          "{pct}% of calls, mostly from {customer} and {customer2}. I'll talk to both accounts "
          "before we announce anything. Objections? #api #deprecation", authors=(PRODUCT, ENG),
          commenters=(CS, SALES, ENG),
          comments=("{customer2} has a renewal next quarter; let's not surprise them.",
                    "Can we give them a migration guide with side-by-side examples?")),
        T("Heads-up: search will be read-only on {day} from 06:00 to 07:00 UTC while we move "
          "to the new cluster. Nothing for customers to do. #maintenance", authors=(ENG,)),
        T("Customer feedback digest, week {week}:\n\n1. Bulk edit is still the top request "
          "({num} mentions)\n2. {customer} loves the new audit log filters\n3. CSV export "
          "times out above ~{big}k rows, tracked in {ticket}\n\n#feedback",
          authors=(PRODUCT,), commenters=(CS, ENG, SALES)),
        T("Does anyone have a demo workspace with realistic data? I'm showing Atlas to "
          "**{customer}** on {day} and the default sandbox looks empty. #demo",
          authors=(SALES,), commenters=(SALES, ENG, CS),
          comments=("Use the *Retail* template in sandbox admin: six months of fake "
                    "activity, and it resets nightly.", "I have one with a {customer2}-style "
                    "setup, I'll share it with you.")),
        T("I wrote up how roles, groups and workspace policies combine in Atlas. Short "
          "version: **deny always wins** and group roles add up. Full write-up is in the "
          "handbook. #docs #permissions", authors=(ENG, PRODUCT), once=True),
        T("Is there a limit on how many workspaces one tenant can have? **{customer}** is "
          "planning {big} of them, one per store. #scaling", authors=(SALES, CS),
          commenters=(ENG,),
          comments=("No hard limit. Above ~500, ask us to move them to a dedicated shard.",
                    "Worth a quick call with {author} and the customer; I can join.")),
    ),
    "Beacon Mobile App": (
        T("Beacon {version} is live on the App Store and Google Play 🎉\n\n- Offline mode "
          "for checklists\n- Notifications respect quiet hours\n- Crash rate down {pct}%\n\n"
          "#release #mobile", authors=(ENG, PRODUCT)),
        T("Beta testers wanted: we're trying a new home screen. Reply here and I'll add "
          "you to the beta group on iOS or Android. #beta #mobile", authors=(PRODUCT,)),
        T("Crash report: top issue this week is a memory spike when opening large "
          "attachments on older Android phones. {person} is on it; fix planned for "
          "{version}. #mobile #quality", authors=(ENG,), commenters=(CS, ENG)),
        T("App store rating is **4.{n}** ⭐ now, up from 3.9 at the start of the quarter. "
          "Most reviews mention offline mode. #mobile", authors=(PRODUCT, MARKETING)),
        T("**{customer}** is rolling Beacon out to {big} field technicians next month. They "
          "asked for a short training video; does Marketing have something we can reuse? "
          "#enablement", authors=(CS, SALES), commenters=(MARKETING, PRODUCT),
          comments=("We have a 3-minute walkthrough from the last launch; I'll send the "
                    "link.", "Happy to record a custom one if they share their workflow.")),
        T("Dark mode is in design review. Screens are in Figma; comments welcome until "
          "{day}. #design #mobile", authors=(PRODUCT,), once=True),
    ),
    "Cobalt Analytics": (
        T("Cobalt dashboards now load from the new columnar store. Median load time on the "
          "**{customer}** dataset went from {n}.4 s to 0.{n} s. #performance",
          authors=(ENG,)),
        T("Pricing for Cobalt GA: we're leaning towards per-seat with a usage cap. "
          "{person}, could you model what that means for our top {num} accounts? #pricing",
          authors=(PRODUCT,), commenters=(FINANCE, PRODUCT),
          comments=("On it. First cut by {day}; usage caps hurt the three largest accounts.",)),
        T("Design review on {day}: the new cohort chart. Please leave comments in Figma "
          "before then. #design", authors=(PRODUCT,)),
        T("Proposal for a data freshness target: 95% of events visible in Cobalt within "
          "**5 minutes**. Today's p95 is {num} minutes. #slo", authors=(ENG, PRODUCT)),
        T("Beta feedback from **{customer}**: they love the funnel view but want exports to "
          "Excel. {n} other beta customers asked for the same. #feedback",
          authors=(PRODUCT,)),
    ),
    "IT Helpdesk": (
        T("Laptop refresh, round {n}: if your laptop is older than three years you have an "
          "email from me. Book a swap slot from the link in it. #it", authors=(ENG,)),
        T("Is anyone else unable to reach the VPN from the {city} office? I get `TLS "
          "handshake timeout` since about 9:00. #it", commenters=(ENG,),
          comments=("Same here.", "Fixed: a certificate on the gateway expired. Sorry! "
                    "There's now an alert 30 days before expiry.")),
        T("⚠️ A phishing email is going around pretending to be from Finance, subject "
          "*\"Updated expense policy {quarter}\"*. Don't click; use the **Report phish** "
          "button. #security", authors=(ENG,)),
        T("How do I get access to the {product} staging environment? The onboarding doc "
          "says to ask here. #onboarding", commenters=(ENG,),
          comments=("Request the `staging-readers` group in the access portal; it's "
                    "approved automatically for employees.",)),
        T("The printer on the 2nd floor in {city} works again. (It was, of course, the "
          "paper tray.) #it", authors=(ENG,)),
        T("Outlook keeps asking me to sign in again every few hours. Anyone else? #it",
          commenters=(ENG,),
          comments=("Sign out of all sessions in the SSO portal and sign in once; it's a "
                    "stale token.",)),
        T("Reminder: never share your screen with customer data in a public meeting "
          "recording. If it happened, tell {person}; no blame. #security #privacy",
          authors=(ENG, LEGAL)),
    ),
    "Cloud Infrastructure": (
        T("Postmortem: {day}'s {num}-minute API degradation\n\n**Impact:** elevated 5xx "
          "on Atlas for EU tenants\n**Cause:** connection pool exhaustion after a config "
          "change\n**Fixes:** validate pool limits in CI, alert on saturation ({ticket})\n\n"
          "Blameless write-up in the incident doc. #incident #postmortem", authors=(ENG,),
          commenters=(CS, ENG, SALES),
          comments=("Thanks for the quick write-up; this is exactly what I need for "
                    "{customer}.", "Could CS get the status page update faster next time? "
                    "Customers noticed before we posted.")),
        T("We're upgrading the production Kubernetes clusters to 1.3{n} on {day}. Pods "
          "will roll; no downtime planned. #kubernetes #maintenance", authors=(ENG,)),
        T("Cloud bill for last month came in {pct}% under budget, mostly from rightsizing "
          "the Cobalt workers. Nice work {person}! #finops", authors=(ENG, FINANCE)),
        T("New runbook: [failing over the primary database](https://wiki.northwind.example"
          "/runbooks/db-failover). Please read it before your next on-call shift. #oncall",
          authors=(ENG,), once=True),
        T("Terraform tip: run `terraform plan -refresh-only` before touching anything that "
          "was changed by hand in the console. Saved me an hour today. #terraform",
          authors=(ENG,)),
        T("Why does the EU region take longer to deploy than the US one? Asking for a "
          "customer who watches our status page closely. #deploys", authors=(CS, SALES),
          commenters=(ENG,),
          comments=("We deploy to EU after US on purpose, as a canary. It's about 40 "
                    "minutes behind.",)),
    ),
    "Customer Support Playbook": (
        T("New macro: *SSO redirect loop*. It covers clearing the IdP session and checking "
          "the ACS URL. Used it {num} times this week already. #support", authors=(CS,)),
        T("Escalation reminder: P1 tickets go to the on-call engineer through the pager, "
          "**not** by direct message. {person} updated the playbook section. #escalation",
          authors=(CS,)),
        T("Ticket volume, week {week}: {big} tickets, median first response {num} min, "
          "CSAT 4.{n}/5. #metrics", authors=(CS,)),
        T("**{customer}** renewal is at risk: three P2 tickets about export timeouts in a "
          "month. Can we get an engineer on the next call? #renewal", authors=(CS, SALES),
          comments=("I'll join. Is {ticket} the tracking ticket?",)),
        T("Knowledge base clean-up: we archived {num} articles nobody opened in a year. "
          "Shout if something you link to is gone. #docs", authors=(CS,)),
    ),
    "Innovation Lab": (
        T("Idea: let people ask the docs questions in plain language inside Atlas. We "
          "already have the search index; a small prototype could be a hack-week project. "
          "Who's in? #hackweek #idea", commenters=(ENG, PRODUCT, CS)),
        T("Hack week results: {n} teams demoed. Winner: *offline-first sync for Beacon* "
          "by {person} and {person2}. 🏆 #hackweek", authors=(PRODUCT, ENG), once=True),
        T("What if Customer Success could see feature flags per account? It would save a "
          "lot of back and forth with engineering. #idea", authors=(CS,),
          commenters=(ENG, PRODUCT)),
        T("Idea: a *first week* bot that greets new hires and links the five docs everyone "
          "asks for. #onboarding #idea", authors=(PEOPLE, ENG)),
        T("Experiment report: we tried {n}-minute daily stand-ups for a month. Verdict: "
          "fewer meetings overall, but async updates worked better for Singapore. #experiment"),
        T("Could we offer customers a read-only status widget for their own workspace? "
          "**{customer}** asked, and I bet others want it too. #idea", authors=(SALES, CS)),
    ),
    "Green Office Ideas": (
        T("The {city} office now has compost bins. Please keep coffee cups out of them; "
          "they're lined with plastic. #sustainability"),
        T("Proposal: trains by default for trips under five hours (London to Paris, "
          "Berlin to Amsterdam). Finance says the cost difference is small. Thoughts? "
          "#travel #sustainability", commenters=(FINANCE, PEOPLE, SALES)),
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
    ),
    "Sales EMEA": (
        T("🎉 Closed-won: **{customer}**, {amount} ARR, three-year deal. Huge thanks to "
          "{person} for the security questionnaire marathon. #win", authors=(SALES,)),
        T("Pipeline review {quarter}: we're at {pct}% of target with {n} weeks to go. "
          "Biggest open deals: {customer} and {customer2}. Forecast call on {day}. "
          "#pipeline #{qtag}", authors=(SALES,)),
        T("**{customer}** procurement asks for 15% off on a two-year commit. I can approve "
          "up to 10%. {person}, can we talk? #pricing", authors=(SALES,),
          comments=("Offer 12% with a case study in return.",)),
        T("Win/loss note: we lost **{customer}** to a cheaper competitor on price alone. "
          "They liked our audit features. #competition", authors=(SALES,)),
        T("Anyone going to the trade fair in {city} next month? Marketing has {n} passes "
          "left. #events", authors=(MARKETING, SALES)),
        T("New pricing calculator is live in the CRM. It handles multi-year discounts and "
          "currency now; report issues to {person}. #pricing #tools", authors=(SALES,)),
    ),
    "Platform Engineering": (
        T("RFC: move background jobs from cron to a real queue. Draft in the repo at "
          "`docs/rfc/0{num}-job-queue.md`. Comments by {day}, please. #rfc", authors=(ENG,)),
        T("On-call handover, week {week}: {n} pages, mostly the disk alert on the search "
          "nodes (now tuned). Nothing open. Next up: {person}. #oncall", authors=(ENG,)),
        T("Flaky test of the week: `test_export_large_workspace` fails about 1 in {num} CI "
          "runs. It's a race in the fixture; fix in {ticket}. #ci", authors=(ENG,)),
        T("Reminder: code freeze for Atlas {version} starts {day} at 17:00 UTC. Only "
          "release blockers after that. #release", authors=(ENG,)),
        T("PostgreSQL 17 is live on staging. Query plans look the same except the audit "
          "log query, which is {n}x faster. Production next week. #postgresql",
          authors=(ENG,)),
        T("CI is {pct}% faster since we cache the dependency layer. Thanks {person}! #ci",
          authors=(ENG,)),
    ),
    "Leadership Offsite 2027": (
        T("Draft agenda:\n\n1. The 2027 plan and our three bets\n2. Org design for Sales and "
          "CS\n3. Budget envelopes by department\n\nAdd topics by {day}. #offsite",
          once=True),
        T("Venue shortlist: Sintra (near Lisbon) or the lake house outside Berlin. Poll "
          "coming from {person}. #offsite", once=True),
        T("The pre-read is up: {n} pages on the 2027 plan. Please read it before the "
          "offsite, not on the train 🙂 #offsite", once=True),
        T("Each department: bring your top three risks for 2027 on one slide. #offsite",
          once=True),
        T("Travel is booked for everyone except {person}; please send me your flight "
          "preference by {day}. #offsite", once=True),
        T("Facilitator confirmed for day two. She'd like a 30-minute call with each of us "
          "beforehand; {person} is scheduling. #offsite", once=True),
    ),
    "Project Falcon": (
        T("The target's data room opens on {day}. Access is by invitation only; please "
          "don't discuss Falcon outside this space. #falcon", once=True),
        T("Technical due diligence checklist: architecture, security posture, licences, "
          "on-call maturity. {person}, can you take security? #falcon", once=True),
        T("Valuation model v{n} is uploaded. Sensitivities for churn and gross margin are "
          "on tab 3. #falcon"),
        T("Legal update: no red flags in the {num} customer contracts sampled so far. Two "
          "have change-of-control clauses to review. #falcon", authors=(LEGAL,)),
        T("Security review notes: their SOC 2 report is current; pen test findings are "
          "mostly medium, none open longer than 60 days. #falcon #security",
          authors=(ENG,), once=True),
        T("Integration sketch: keep their ingestion pipeline, move dashboards into Cobalt "
          "within two quarters. {person}, does that match your read? #falcon",
          authors=(ENG, PRODUCT), once=True),
        T("Board call moved to {day}. We need the final numbers by the day before. #falcon",
          authors=(FINANCE,)),
    ),
    "Watercooler": (
        T("What's everyone reading? I just finished *The Making of a Manager* and would "
          "recommend it. #books"),
        T("The coffee machine in {city} has a new setting called **\"extra strong\"**. I "
          "have questions. ☕"),
        T("Photos from the party are on the shared drive. Thanks {person} for organising! "
          "#social"),
        T("Lunch recommendations near the {city} office? I'm new here. #lunch"),
        T("Board games evening in {city} on Thursday? I'll bring Catan. #social"),
        T("Pet picture Friday: show us your four-legged coworkers. #pets"),
        T("Who else is learning a language? I'm {n} weeks into Portuguese for the Lisbon "
          "visits. #learning"),
    ),
    "Running Club": (
        T("Sunday long run in {city}: {num} km at an easy pace, meet at 09:00. All paces "
          "welcome. #running"),
        T("This month we ran **{big} km** together! {person} alone did {num}. 🏃 #running"),
        T("Signed up for the {city} half marathon. Anyone else? Matching shirts? #running"),
        T("Lunchtime 5k on {day}, from the {city} office door. #running"),
    ),
}  # fmt: skip

COMPANY_POSTS = (
    T("What I learned from {n} years of on-call: most incidents start with a *small* "
      "config change. Slides from my lightning talk are in the handbook. #oncall",
      authors=(ENG,)),
    T("TIL the docs search supports `site:` filters. Try `site:atlas sso`. #tips"),
    T("Has anyone worked with **{customer}**'s procurement team before? Any tips? #sales",
      authors=(SALES,), commenters=(SALES, FINANCE, LEGAL),
      comments=("They always ask for our SOC 2 report first; send it with the proposal.",)),
    T("A retro format that works for us: one thing to keep, one to stop, one experiment. "
      "Ten minutes, done. #teams"),
    T("I'm running a workshop on writing good RFCs on {day}. {n} places left. #learning",
      authors=(ENG, PRODUCT)),
    T("I can mentor {n} people interested in product management this half. Reply or "
      "send me a message. #mentoring", authors=(PRODUCT,)),
    T("Shout-out to {person} for staying late to get **{customer}** through their "
      "migration. #kudos"),
    T("Our team's OKRs for {quarter} are in the handbook. Feedback welcome, especially "
      "from Sales and CS. #okrs #{qtag}", authors=(ENG, PRODUCT, MARKETING)),
    T("Question for Engineering: what's the honest answer when a customer asks about "
      "uptime? We quote 99.9%; what did we actually hit last quarter? #reliability",
      authors=(SALES,), commenters=(ENG,),
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
)  # fmt: skip

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
    ImagePost("Announcements", "maya", 57.2,
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
