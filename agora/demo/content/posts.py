"""What the demo company posts in its product, service and team spaces: one template per
post (the demo writes each once), filled per post (see the package's docstring).

Community spaces and company-wide posts are ``community``; posts with a fixed author
and day (charts, welcomes) are ``dated``.
"""

from __future__ import annotations

from dataclasses import dataclass

from agora.demo.content.people import CS, ENG, FINANCE, LEGAL, MARKETING, PEOPLE, PRODUCT, SALES


@dataclass(frozen=True)
class PostTemplate:
    """A post the seeders can write: who tends to write it, who answers, and how.

    ``people`` (person keys) are who usually writes it, the people who know its subject;
    ``days_ago`` fixes roughly when (the demo otherwise picks a day since its space opened).
    """

    body: str
    authors: tuple[str, ...] = ()  # departments; empty means any member
    commenters: tuple[str, ...] = ()  # departments that usually answer; empty means anyone
    comments: tuple[str, ...] = ()  # comments that fit this post in particular
    people: tuple[str, ...] = ()
    days_ago: float | None = None


T = PostTemplate

WORK_POSTS: dict[str, tuple[PostTemplate, ...]] = {
    "Announcements": (
        T("The {city} office will be closed on {day} for electrical maintenance. Work from "
          "home or use the co-working passes (ask {person}). #office", authors=(PEOPLE, ENG)),
        T("Open enrolment for benefits closes at the end of the month. What changed this "
          "year:\n\n- Higher learning budget (**€{big}** a year)\n- Mental health days are "
          "now separate from sick leave\n- Bike-to-work in every office\n\n#benefits",
          authors=(PEOPLE,), days_ago=118),
        T("All-hands on {day} at 16:00 UTC: the roadmap for next half and an open Q&A. "
          "Post your questions here in advance; anonymous ones go through {person}. #allhands",
          authors=(PEOPLE, ENG, PRODUCT, FINANCE)),
        T("The engagement survey closes on {day}; {pct}% of us have answered so far. It "
          "takes ten minutes and it is anonymous. #survey", authors=(PEOPLE,), days_ago=47),
        T("Engagement survey results are in: 87% would recommend Northwind as a place to "
          "work (up from 81%). The lowest score is *I know how decisions are made*, so "
          "leadership will publish decision notes from now on. Full results in the "
          "handbook. #survey", authors=(PEOPLE,), days_ago=30,
          comments=("Decision notes would help a lot, especially for people outside "
                    "London.", "Thank you for sharing the low scores too.")),
        T("Last quarter in one paragraph: revenue up {pct}% on the quarter before, net "
          "retention above target, and {n} new logos including **{customer}**. Thank you "
          "all. Slides are in the handbook. #results", authors=(FINANCE,), days_ago=58),
        T("🔐 From {day}, every admin account must sign in with a hardware security key. "
          "Keys are at the IT desk in each office. Details in IT Helpdesk. #security",
          authors=(ENG,), people=("admin",), days_ago=96),
        T("We're hiring! {n} open roles in Engineering and Sales. Referrals get a bonus and "
          "our eternal gratitude; talk to {person}. #hiring", authors=(PEOPLE,)),
        T("Two months of Agora: most of you have posted at least once, the IT Helpdesk "
          "answers in under an hour, and the old intranet goes read-only on {day}. Thank "
          "you for making the switch. #agora", authors=(PEOPLE,), people=("maya",),
          days_ago=88),
        T("Next year's holiday calendar is in the handbook: public holidays for each office, "
          "plus two company-wide days off between Christmas and New Year. #holidays",
          authors=(PEOPLE,)),
        T("The product roadmap for next half is published. Three themes: enterprise "
          "readiness for Atlas, offline everything for Beacon, and Cobalt's general "
          "availability. Questions welcome here or at the all-hands. #roadmap",
          authors=(PRODUCT,), days_ago=40),
        T("Engineering update: we're forming a **Data Platform** team, led by Daniel Cohen, "
          "to own the pipelines under Cobalt. Internal applications are open for two weeks. "
          "#engineering #hiring", authors=(ENG,), people=("tomas.silva",), days_ago=66),
        T("From the first of next month, expenses go through the new app: photograph the "
          "receipt, pick the project, done. The old form stops working a month later. "
          "#finance #expenses", authors=(FINANCE,), people=("david.levi",), days_ago=81),
        T("Security awareness training is due by {day}: twenty minutes, and this year's "
          "module is about phishing by phone. {pct}% of us are done already. #security",
          authors=(ENG,), people=("admin",)),
    ),
    "Atlas Platform": (
        T("**Atlas {version}** is rolling out to all EU tenants today. Highlights:\n\n"
          "- Bulk export for audit logs\n- `atlas sync` is {n}x faster on large workspaces\n"
          "- Tenant admins can pin announcements in every workspace\n\n"
          "Release notes: https://docs.northwind.example/atlas/{version} #release",
          authors=(PRODUCT, ENG), people=("marcus.johnson",), days_ago=118,
          comments=("Bulk audit export is the one {customer} has been waiting for. Telling "
                    "them today!", "Any changes to the API rate limits in this release?",
                    "No rate-limit changes; those come with the v3 API.")),
        T("Atlas {version} is out. Two changes worth telling customers about: webhook "
          "retries now back off exponentially (capped at one hour), and a tenant can "
          "connect a second identity provider. #release #webhooks",
          authors=(PRODUCT, ENG), people=("marcus.johnson", "jonas.weber"), days_ago=45,
          comments=("The webhook change will save support a lot of tickets.",)),
        T("Atlas {version} release notes are up. Saved searches, audit log retention set "
          "per tenant (up to ten years on Enterprise) and permission checks that no longer "
          "slow down in groups of thousands. #release", authors=(PRODUCT,),
          people=("marcus.johnson",), days_ago=17),
        T("Bulk edit ships in **Atlas {version}** on {day}, together with CSV exports that "
          "stream instead of timing out. Thank you to every CSM who kept this at the top "
          "of the feedback digest. #release #feedback", authors=(PRODUCT,),
          people=("marcus.johnson",), days_ago=3,
          comments=("Finally! {customer} will be thrilled.",
                    "Is bulk edit on for every plan or only Enterprise?",
                    "Every plan, with an admin setting to turn it off.")),
        T("Quick one from a customer call: **{customer}** wants to know whether Atlas "
          "supports SCIM provisioning from Okta *and* Azure AD at the same time. Can I "
          "promise that? #sso", authors=(SALES, CS), commenters=(ENG, PRODUCT),
          people=("sam", "james.whitfield"),
          comments=("Yes: a tenant can connect two identity providers, each with its own "
                    "SCIM token.", "One caveat: group sync is per identity provider, so "
                    "the same group name from both shows up twice.",
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
          authors=(PRODUCT,), commenters=(CS, ENG, SALES), days_ago=50),
        T("Does anyone have a demo workspace with realistic data? I'm showing Atlas to "
          "**{customer}** on {day} and the default sandbox looks empty. #demo",
          authors=(SALES,), commenters=(SALES, ENG, CS), people=("sam",),
          comments=("Use the *Retail* template in sandbox admin: six months of fake "
                    "activity, and it resets nightly.", "I have one with a {customer2}-style "
                    "setup, I'll share it with you.")),
        T("I wrote up how roles, groups and workspace policies combine in Atlas. Short "
          "version: **deny always wins** and group roles add up. Full write-up is in the "
          "handbook. #docs #permissions", authors=(ENG, PRODUCT)),
        T("Is there a limit on how many workspaces one tenant can have? **{customer}** is "
          "planning {big} of them, one per store. #scaling", authors=(SALES, CS),
          commenters=(ENG,),
          comments=("No hard limit. Above ~500, ask us to move them to a dedicated shard.",
                    "Worth a quick call with {author} and the customer; I can join.")),
        T("The v3 API beta starts next month and we'd like three customers in it: cursor "
          "pagination everywhere, one error format, and webhooks you can replay. Nominate "
          "an account below. #api #beta", authors=(PRODUCT,), people=("marcus.johnson",),
          commenters=(SALES, CS),
          comments=("{customer} builds a lot on our API; they'd love this.",)),
        T("Pricing change from {day}: the Atlas Team plan includes single sign-on. Sales, "
          "the new one-pager is in the deck library; old quotes stay valid for 30 days. "
          "#pricing #sso", authors=(PRODUCT,), people=("elena.petrova", "marcus.johnson")),
        T("Win story: **{customer}** picked Atlas over two competitors because our audit "
          "log answered their regulator's checklist line by line. {person} did the security "
          "review in record time. #win", authors=(SALES,), people=("sam",)),
        T("Customer asked today: can workspace creation be limited to admins? Yes: Policies "
          "→ Workspaces → *Who can create*. Writing it here so the next person finds it. "
          "#admin #tips", authors=(CS,)),
        T("First look at the new Atlas navigation: the sidebar groups workspaces by team and "
          "search moves to the top. Prototype in Figma; {person} is running five customer "
          "interviews on it next week. #design", authors=(PRODUCT,)),
        T("Support note: since the audit log filters shipped, *how do I find who deleted "
          "X* tickets went from {num} a week to almost none. Nice work, everyone. #support "
          "#feedback", authors=(CS,)),
        T("Performance work on Atlas this quarter, in short: the heaviest tenants' p95 is "
          "down {pct}%, mostly from a smaller permission cache and fewer queries per page. "
          "Details and graphs in Cloud Infrastructure. #performance #postgresql",
          authors=(ENG,), people=("ada",), days_ago=11),
    ),
    "Beacon Mobile App": (
        T("Beacon {version} is live on the App Store and Google Play 🎉\n\n- Offline mode "
          "for checklists\n- Notifications respect quiet hours\n- Crash rate down {pct}%\n\n"
          "#release #mobile", authors=(ENG, PRODUCT), people=("fatima.zahra",), days_ago=62,
          comments=("Offline checklists are going to change {customer}'s whole rollout.",)),
        T("Beacon {version} is rolling out: job reports export to PDF from the app, and "
          "photos can be annotated before upload. Android first, iOS after review. "
          "#release #mobile", authors=(PRODUCT, ENG), people=("fatima.zahra",), days_ago=2),
        T("Beta testers wanted: we're trying a new home screen. Reply here and I'll add "
          "you to the beta group on iOS or Android. #beta #mobile", authors=(PRODUCT,)),
        T("Crash report: top issue this week is a memory spike when opening large "
          "attachments on older Android phones. {person} is on it; a fix goes in the next "
          "release. #mobile #quality #android", authors=(ENG,), commenters=(CS, ENG),
          people=("ravi.iyer",)),
        T("App store rating is **4.{n}** ⭐ now, up from 3.9 at the start of the quarter. "
          "Most reviews mention offline mode. #mobile", authors=(PRODUCT, MARKETING)),
        T("**{customer}** is rolling Beacon out to {big} field technicians next month. They "
          "asked for a short training video; does Marketing have something we can reuse? "
          "#enablement", authors=(CS, SALES), commenters=(MARKETING, PRODUCT),
          comments=("We have a 3-minute walkthrough from the last launch; I'll send the "
                    "link.", "Happy to record a custom one if they share their workflow.")),
        T("Dark mode is in design review. Screens are in Figma; comments welcome until "
          "{day}. #design #mobile", authors=(PRODUCT,)),
        T("iOS update: background sync now uses the system's background tasks API, so "
          "uploads continue after the app is closed. Battery use in our tests is unchanged. "
          "#ios #mobile", authors=(ENG,), people=("kwame.mensah",)),
        T("We're moving Beacon's Android build to the new Gradle setup; builds are down "
          "from 14 to 6 minutes on CI. Shout if your local build breaks. #android #ci",
          authors=(ENG,), people=("ravi.iyer",)),
        T("Field visit notes: I spent a day with **{customer}**'s technicians. They work "
          "with gloves on, so buttons need to be bigger, and they photograph everything. "
          "Full notes in the research folder. #research #mobile", authors=(PRODUCT,),
          people=("fatima.zahra", "yuki.tanaka"),
          comments=("The gloves point is gold. Can we test with gloves in the lab?",)),
        T("Beacon's crash-free sessions hit **99.{n}%** this month, the best since launch. "
          "The biggest win was fixing image decoding on low-memory devices. #quality "
          "#android", authors=(ENG,), people=("ravi.iyer",)),
        T("Partner request from APAC: can Beacon's interface be in Korean and Japanese? "
          "Two distributors are asking. #localisation #apac", authors=(SALES, CS),
          commenters=(PRODUCT, ENG),
          comments=("Japanese is in progress; Korean would be next. Let's talk volumes.",)),
        T("How we test Beacon on real devices: a shelf of {n} phones, from a 2019 Android "
          "to the newest iPhone, and a script that runs the top ten journeys every night. "
          "#testing #mobile", authors=(ENG,), people=("grace.oneill", "kwame.mensah")),
    ),
    "Cobalt Analytics": (
        T("Cobalt dashboards now load from the new columnar store. Median load time on the "
          "**{customer}** dataset went from {n}.4 s to 0.{n} s. #performance",
          authors=(ENG,), people=("daniel.cohen", "jonas.weber")),
        T("Pricing for Cobalt GA: we're leaning towards per-seat with a usage cap. "
          "{person}, could you model what that means for our top {num} accounts? #pricing",
          authors=(PRODUCT,), commenters=(FINANCE, PRODUCT), people=("elena.petrova",),
          comments=("On it. First cut by {day}; usage caps hurt the three largest accounts.",)),
        T("Design review on {day}: the new cohort chart. Please leave comments in Figma "
          "before then. #design", authors=(PRODUCT,), people=("yuki.tanaka",)),
        T("Proposal for a data freshness target: 95% of events visible in Cobalt within "
          "**5 minutes**. Today's p95 is {num} minutes. #slo", authors=(ENG, PRODUCT),
          people=("daniel.cohen",)),
        T("Beta feedback from **{customer}**: they love the funnel view but want exports to "
          "Excel. {n} other beta customers asked for the same. #feedback",
          authors=(PRODUCT,)),
        T("Welcome to the Cobalt beta room. Everything here stays internal until general "
          "availability: pricing, customer names, the data model. #cobalt #beta",
          authors=(PRODUCT,), people=("elena.petrova",), days_ago=95),
        T("The beta has {num} customers now. Weekly active analysts are growing about "
          "{pct}% a week; the drop-off is at the first dashboard, so onboarding is the next "
          "thing to fix. #metrics #beta", authors=(PRODUCT,), people=("oliver.bennett",)),
        T("Data model question settled: events keep their original timestamp and we store "
          "the arrival time next to it, so late data lands in the right day. Write-up in the "
          "repo. #data #architecture", authors=(ENG,), people=("daniel.cohen",)),
        T("Competitive note: a rival launched usage-based pricing for dashboards. Our "
          "per-seat plan is simpler to buy; I'll add a comparison to the launch brief. "
          "#competition #pricing", authors=(MARKETING,), people=("priyanka.shah",)),
        T("GA checklist, first draft: SSO, audit log, data retention settings, status page "
          "entry, support macros, pricing page. Owners next to each line by {day}, please. "
          "#launch", authors=(PRODUCT,), people=("elena.petrova", "oliver.bennett"),
          days_ago=14),
    ),
    "IT Helpdesk": (
        T("Laptop refresh, round {n}: if your laptop is older than three years you have an "
          "email from me. Book a swap slot from the link in it. #it", authors=(ENG,),
          people=("admin",)),
        T("Is anyone else unable to reach the VPN from the {city} office? I get `TLS "
          "handshake timeout` since about 9:00. #it #vpn", commenters=(ENG,),
          comments=("Same here.", "Fixed: a certificate on the gateway expired. Sorry! "
                    "There's now an alert 30 days before expiry.")),
        T("⚠️ A phishing email is going around pretending to be from Finance, subject "
          "*\"Updated expense policy {quarter}\"*. Don't click; use the **Report phish** "
          "button. #security", authors=(ENG,), people=("aisha.rahman", "admin")),
        T("How do I get access to the {product} staging environment? The onboarding doc "
          "says to ask here. #onboarding", commenters=(ENG,),
          comments=("Request the `staging-readers` group in the access portal; it's "
                    "approved automatically for employees.",)),
        T("The printer on the 2nd floor in {city} works again. (It was, of course, the "
          "paper tray.) #it", authors=(ENG,), people=("admin",)),
        T("Outlook keeps asking me to sign in again every few hours. Anyone else? #it",
          commenters=(ENG,),
          comments=("Sign out of all sessions in the SSO portal and sign in once; it's a "
                    "stale token.",)),
        T("Reminder: never share your screen with customer data in a public meeting "
          "recording. If it happened, tell {person}; no blame. #security #privacy",
          authors=(ENG, LEGAL)),
        T("Welcome to IT Helpdesk on Agora! Ask here instead of emailing: answers help the "
          "next person too. Urgent (you can't work at all)? Call the desk. #it",
          authors=(ENG,), people=("admin",), days_ago=149),
        T("Maintenance on {day} evening: the Wi-Fi controllers in every office get new "
          "firmware. Expect two short drops after 19:00 local time. #it #maintenance",
          authors=(ENG,), people=("admin",)),
        T("My second monitor flickers when the laptop is on the dock. Any known fix? #it",
          commenters=(ENG,),
          comments=("Update the dock's firmware from the self-service app; that fixed it "
                    "for me.",)),
        T("We're switching password managers at the end of the month. Your vault moves "
          "automatically; you'll get an invitation to the new app on {day}. #security #it",
          authors=(ENG,), people=("admin",), days_ago=70),
        T("Can I get a second laptop charger for home? Mine lives in my backpack and I "
          "keep forgetting it. #it", commenters=(ENG,),
          comments=("Yes, order it from the self-service catalogue under *Accessories*.",)),
        T("Passkeys are now on for SSO: you can sign in with your laptop's fingerprint "
          "reader instead of a password. Set it up in the SSO portal under *Security*. "
          "#sso #security", authors=(ENG,), people=("admin", "aisha.rahman"), days_ago=21,
          comments=("Set it up in ten seconds. Goodbye passwords!",)),
        T("The meeting room screens in {city} now join calls with one tap from the "
          "calendar invite. Tell me if a room doesn't. #office #it", authors=(ENG,),
          people=("admin",)),
        T("Is there a way to get a shared mailbox for our team's vendor invoices? #it",
          authors=(FINANCE,), commenters=(ENG,),
          comments=("Yes, ask here with the members' names and I'll create it today.",)),
    ),
    "Cloud Infrastructure": (
        T("Postmortem: {day}'s {num}-minute API degradation\n\n**Impact:** elevated 5xx "
          "on Atlas for EU tenants\n**Cause:** connection pool exhaustion after a config "
          "change\n**Fixes:** validate pool limits in CI, alert on saturation ({ticket})\n\n"
          "Blameless write-up in the incident doc. #incident #postmortem #postgresql",
          authors=(ENG,), people=("ada", "mei.tan"), commenters=(CS, ENG, SALES),
          days_ago=25,
          comments=("Thanks for the quick write-up; this is exactly what I need for "
                    "{customer}.", "Could CS get the status page update faster next time? "
                    "Customers noticed before we posted.")),
        T("We're upgrading the production Kubernetes clusters to 1.3{n} on {day}. Pods "
          "will roll; no downtime planned. #kubernetes #maintenance", authors=(ENG,),
          people=("mei.tan", "lukas.novak"), days_ago=26),
        T("Cloud bill for last month came in {pct}% under budget, mostly from rightsizing "
          "the Cobalt workers. Nice work {person}! #finops #aws", authors=(ENG, FINANCE),
          people=("mei.tan",)),
        T("New runbook: [failing over the primary database](https://wiki.northwind.example"
          "/runbooks/db-failover). Please read it before your next on-call shift. #oncall "
          "#postgresql", authors=(ENG,), people=("mei.tan", "ada")),
        T("Terraform tip: run `terraform plan -refresh-only` before touching anything that "
          "was changed by hand in the console. Saved me an hour today. #terraform",
          authors=(ENG,), people=("mei.tan", "lukas.novak")),
        T("Why does the EU region take longer to deploy than the US one? Asking for a "
          "customer who watches our status page closely. #deploys", authors=(CS, SALES),
          commenters=(ENG,),
          comments=("We deploy to EU after US on purpose, as a canary. It's about 40 "
                    "minutes behind.",)),
        T("Node pools are now autoscaled on every cluster: nights and weekends run on "
          "{pct}% fewer nodes. If a batch job starts slowly, that's the scale-up; tell me "
          "if it takes longer than five minutes. #kubernetes #cost", authors=(ENG,),
          people=("mei.tan", "lukas.novak"), days_ago=72,
          comments=("Our nightly exports start about two minutes later now; fine for us.",)),
        T("Kubernetes tip: set memory *requests* equal to *limits* for anything stateful. "
          "Half of last month's evictions were pods that asked for less than they used. "
          "#kubernetes", authors=(ENG,), people=("lukas.novak", "mei.tan")),
        T("PostgreSQL connection counts are our next bottleneck: {big} connections at peak "
          "on the primary. Proposal: PgBouncer in transaction mode in front of every "
          "service. RFC linked in the doc. #postgresql #rfc", authors=(ENG,),
          people=("ada",), days_ago=35, commenters=(ENG,),
          comments=("+1. Watch out for prepared statements in the Go services.",
                    "We'll need to check the Cobalt workers' session settings too.")),
        T("Error budgets for {quarter}: Atlas API has {pct}% of its budget left, Beacon sync "
          "is fine, search spent most of its budget in one incident. Freeze on risky search "
          "changes until the month ends. #slo #reliability", authors=(ENG,),
          people=("mei.tan",)),
        T("We moved the staging cluster to spot instances. It is about a third of the cost; "
          "a node may disappear with two minutes' notice, so staging pods restart more "
          "often. #kubernetes #cost", authors=(ENG,), people=("lukas.novak",)),
        T("On-call dashboards are rebuilt: one page per service with the four golden "
          "signals, and links to the runbook from every alert. Feedback welcome. "
          "#observability #oncall", authors=(ENG,), people=("mei.tan", "tariq.aziz")),
        T("Database upgrade done: production PostgreSQL is on 17 as of last night. Query "
          "times look the same or better; the audit log report is {n}x faster. #postgresql",
          authors=(ENG,), people=("ada",), days_ago=55,
          comments=("Smooth. Thanks for the careful rehearsal on staging.",)),
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
        T("Quarterly business reviews: I made a template with usage, tickets and the "
          "roadmap items each customer asked for. Use it for every account above €100k. "
          "#renewals #qbr", authors=(CS,), people=("rosa.delgado",)),
        T("Tone check for ticket replies: start with what the customer can do now, then "
          "explain why. {person} rewrote our top five macros this way and CSAT on them "
          "went up. #support #writing", authors=(CS,), people=("amara.eze",)),
        T("Heads-up: **{customer}** is migrating {big}k documents next week. If tickets "
          "about slow indexing come in, it's expected; route them to {person}. #migration",
          authors=(CS,), people=("hugo.laurent",)),
        T("We now hand over every new enterprise customer with a one-page brief: goals, "
          "contacts, risks, and what Sales promised. Template in the playbook. #onboarding",
          authors=(CS,), people=("rosa.delgado", "ben.carter"),
          comments=("This will save me a call per customer. Thank you!",)),
        T("Weekend coverage for the next quarter: one support engineer per weekend, on a "
          "rota, with a day off the week after. Swap with each other freely. #support "
          "#oncall", authors=(CS,), people=("amara.eze",)),
    ),
    "Sales EMEA": (
        T("🎉 Closed-won: **{customer}**, {amount} ARR, three-year deal. Huge thanks to "
          "{person} for the security questionnaire marathon. #win", authors=(SALES,)),
        T("Pipeline review {quarter}: we're at {pct}% of target with {n} weeks to go. "
          "Biggest open deals: {customer} and {customer2}. Forecast call on {day}. "
          "#pipeline #{qtag}", authors=(SALES,), people=("charlotte.dubois",)),
        T("**{customer}** procurement asks for 15% off on a two-year commit. I can approve "
          "up to 10%. {person}, can we talk? #pricing", authors=(SALES,),
          comments=("Offer 12% with a case study in return.",)),
        T("Win/loss note: we lost **{customer}** to a cheaper competitor on price alone. "
          "They liked our audit features. #competition", authors=(SALES,)),
        T("Anyone going to the trade fair in {city} next month? Marketing has {n} passes "
          "left. #events", authors=(MARKETING, SALES)),
        T("New pricing calculator is live in the CRM. It handles multi-year discounts and "
          "currency now; report issues to {person}. #pricing #tools", authors=(SALES,),
          people=("isabel.moreno",)),
        T("Two-year deal signed with **{customer}** ✍️ {amount} ARR. Legal turned the "
          "redlines around in a day; thank you {person}. #win", authors=(SALES,),
          people=("mateo.fernandez", "james.whitfield")),
        T("Public sector tenders in Spain and Portugal: three are open, all need Spanish "
          "or Portuguese documentation. Can Marketing help with translations? #publicsector",
          authors=(SALES,), people=("mateo.fernandez",), commenters=(MARKETING,),
          comments=("Yes, we have a translation agency on contract; send me the list.",)),
        T("Forecast call moved to {day} this week because of the holiday in Germany. Same "
          "time, same link. #forecast", authors=(SALES,), people=("charlotte.dubois",)),
        T("Lost deal post-mortem, **{customer}**: they needed on-premise hosting, which we "
          "don't offer. Let's qualify that question in the first call. #qualification",
          authors=(SALES,)),
        T("Outbound experiment: {num} personalised emails to logistics companies, {n} "
          "meetings booked. Subject lines that mentioned the customer's own app did best. "
          "#outbound #prospecting", authors=(SALES,), people=("lina.haddad",)),
        T("Q&A prep for the Frankfurt roadshow: the top three questions last time were "
          "data residency, SSO and pricing in euros. Answers are in the battle card. "
          "#events #enablement", authors=(SALES, MARKETING), people=("anna.kowalski",)),
    ),
    "Platform Engineering": (
        T("RFC: move background jobs from cron to a real queue. Draft in the repo at "
          "`docs/rfc/0{num}-job-queue.md`. Comments by {day}, please. #rfc", authors=(ENG,)),
        T("On-call handover, week {week}: {n} pages, mostly the disk alert on the search "
          "nodes (now tuned). Nothing open. Next up: {person}. #oncall", authors=(ENG,)),
        T("Flaky test of the week: `test_export_large_workspace` fails about 1 in {num} CI "
          "runs. It's a race in the fixture; fix in {ticket}. #ci", authors=(ENG,),
          people=("grace.oneill",)),
        T("Reminder: code freeze for {product} {version} starts {day} at 17:00 UTC. Only "
          "release blockers after that. #release", authors=(ENG,), people=("hannah.schmidt",)),
        T("PostgreSQL 17 is live on staging. Query plans look the same except the audit "
          "log query, which is {n}x faster. Production next week. #postgresql",
          authors=(ENG,), people=("ada",), days_ago=62),
        T("CI is {pct}% faster since we cache the dependency layer. Thanks {person}! #ci",
          authors=(ENG,)),
        T("Quiet on-call week: one page (a certificate warning, renewed in ten minutes) and "
          "a lot of sleep. Handing over to {person}. #oncall", authors=(ENG,)),
        T("Busy handover: the Kafka consumer lag alert fired {n} times during the batch "
          "import, and we raised the partition count for the events topic. Follow-up in "
          "{ticket}. #oncall #kafka", authors=(ENG,), people=("jonas.weber",)),
        T("Proposal: every service gets a `make dev` that starts it with its dependencies "
          "in containers. New joiners spend their first day on setup today. #devex",
          authors=(ENG,), people=("lukas.novak",),
          comments=("Yes please. It took me two days last year.",)),
        T("Sprint review notes: the job queue RFC is approved, the build cache is live, "
          "and the staging cluster moved to spot nodes. Next sprint: Helm chart clean-up. "
          "#sprint #kubernetes", authors=(ENG,), people=("hannah.schmidt",)),
        T("The Helm charts for every service now share one base chart, so a probe or "
          "resource change is made once. Migration guide in the repo. #kubernetes #helm",
          authors=(ENG,), people=("lukas.novak",), days_ago=18),
        T("Reading group this month: *Designing Data-Intensive Applications*, chapter 9. "
          "Thursday lunch, {city} room and on video. #learning", authors=(ENG,)),
        T("Dependency updates are now opened as pull requests every Monday, grouped per "
          "service, with the changelog linked. Please review yours within the week. "
          "#security #ci", authors=(ENG,), people=("lukas.novak", "aisha.rahman")),
        T("We retired the last Python 3.9 service. Everything runs on 3.12 now, with the "
          "same base image. #python", authors=(ENG,), people=("daniel.cohen", "lukas.novak")),
    ),
    "Leadership Offsite 2027": (
        T("Draft agenda:\n\n1. The 2027 plan and our three bets\n2. Org design for Sales and "
          "CS\n3. Budget envelopes by department\n\nAdd topics by {day}. #offsite",
          people=("olivia.grant",)),
        T("Venue shortlist: Sintra (near Lisbon) or the lake house outside Berlin. Poll "
          "coming from {person}. #offsite", people=("olivia.grant",)),
        T("The pre-read is up: {n} pages on the 2027 plan. Please read it before the "
          "offsite, not on the train 🙂 #offsite", people=("tomas.silva", "david.levi")),
        T("Each department: bring your top three risks for 2027 on one slide. #offsite",
          people=("olivia.grant",)),
        T("Travel is booked for everyone except {person}; please send me your flight "
          "preference by {day}. #offsite", people=("maya",)),
        T("Facilitator confirmed for day two. She'd like a 30-minute call with each of us "
          "beforehand; {person} is scheduling. #offsite", people=("olivia.grant",)),
    ),
    "Project Falcon": (
        T("The target's data room opens on {day}. Access is by invitation only; please "
          "don't discuss Falcon outside this space. #falcon", people=("david.levi",)),
        T("Technical due diligence checklist: architecture, security posture, licences, "
          "on-call maturity. {person}, can you take security? #falcon",
          people=("tomas.silva",)),
        T("Valuation model v{n} is uploaded. Sensitivities for churn and gross margin are "
          "on tab 3. #falcon", authors=(FINANCE,)),
        T("Legal update: no red flags in the {num} customer contracts sampled so far. Two "
          "have change-of-control clauses to review. #falcon", authors=(LEGAL,)),
        T("Security review notes: their SOC 2 report is current; pen test findings are "
          "mostly medium, none open longer than 60 days. #falcon #security",
          people=("aisha.rahman",)),
        T("Integration sketch: keep their ingestion pipeline, move dashboards into Cobalt "
          "within two quarters. {person}, does that match your read? #falcon",
          authors=(ENG, PRODUCT)),
        T("Board call moved to {day}. We need the final numbers by the day before. #falcon",
          authors=(FINANCE,)),
    ),
}  # fmt: skip
