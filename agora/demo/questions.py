"""What the demo company asks and answers: questions, answers, comments and marks.

Pure data, read by ``agora.demo.qa``. People are named by the keys of
``demo_content.PEOPLE_LIST``; spaces by name ("" is company-wide). ``thumbs`` is how many
readers give the answer a thumbs-up. Questions with no answers stay open on purpose, so
the "Unanswered" list and "Questions you could answer" have something to show.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerSpec:
    author: str
    body: str
    thumbs: int = 0
    accepted: bool = False
    official: bool = False
    comments: tuple[tuple[str, str], ...] = ()  # (author, text)


@dataclass(frozen=True)
class QuestionSpec:
    space: str
    asker: str
    days_ago: float
    title: str
    body: str
    tags: tuple[str, ...]
    answers: tuple[AnswerSpec, ...] = ()


A = AnswerSpec
Q = QuestionSpec

QUESTIONS = (
    # Atlas Platform ---------------------------------------------------------------------
    Q("Atlas Platform", "sam", 112.3, "Can Atlas keep audit logs for seven years?",
      "**Woodgrove Bank** needs seven years of audit history for their regulator. The "
      "admin guide only mentions 'configurable retention'. What is the maximum, and does "
      "it cost extra?", ("atlas", "compliance", "audit-log"),
      (A("ada", "Yes. Retention is set per tenant with `audit.retention_days`; Enterprise "
         "tenants go up to 3,650 days (ten years). Older entries move to cold storage "
         "after a year, so exports of very old logs take a few minutes instead of "
         "seconds.\n\nNo extra licence, but storage above 500 GB is billed as usual.",
         thumbs=6, accepted=True,
         comments=(("sam", "Perfect, that's exactly what Woodgrove needed. Thank you!"),
                   ("nadia.ivanova", "Adding the cold-storage note to the support macro."))),
       A("marcus.johnson", "From the product side: we recommend quoting seven years in the "
         "order form so it's contractual, not just a setting.", thumbs=2))),
    Q("Atlas Platform", "james.whitfield", 64.2,
      "Does Atlas support customer-managed encryption keys (BYOK)?",
      "A UK insurer asks whether they can bring their own key, and what happens if they "
      "revoke it.", ("atlas", "security", "encryption"),
      (A("aisha.rahman", "Yes, on Enterprise, with AWS KMS. The tenant's data keys are "
         "wrapped by the customer's key; if they revoke it, the tenant becomes unreadable "
         "within five minutes (that's the point). Rotation is automatic yearly.",
         thumbs=5, accepted=True,
         comments=(("james.whitfield", "And if they rotate their key themselves?"),
                   ("aisha.rahman", "Nothing to do on our side: old data keys are "
                                    "re-wrapped within the hour."))),
       A("elena.petrova", "The official position for customers: **BYOK with AWS KMS is "
         "generally available**. Azure Key Vault support is on the roadmap for next half, "
         "without a committed date, so please don't promise one.", thumbs=4,
         official=True,
         comments=(("james.whitfield", "Thanks Elena, I'll quote this word for word."),)))),
    Q("Atlas Platform", "nadia.ivanova", 27.3,
      "Why do webhook deliveries show 'retrying' for up to an hour?",
      "Two customers opened tickets this week: a failed webhook stays in *retrying* for a "
      "long time before it gives up. Is that a bug?", ("atlas", "webhooks", "support"),
      (A("jonas.weber", "Not a bug: since 4.11 retries back off exponentially (1, 2, 4, "
         "8… minutes), capped at one hour between attempts, for up to 24 hours. Before "
         "that we retried every minute and hammered customers' endpoints during their "
         "outages.", thumbs=4, accepted=True,
         comments=(("nadia.ivanova", "Makes sense. I've updated the support macro."),)),)),
    Q("Atlas Platform", "hugo.laurent", 19.4,
      "What's the fastest way to migrate two million documents into a new tenant?",
      "Contoso goes live next month. The import UI is fine for thousands of documents, "
      "not millions.", ("atlas", "migration", "api"),
      (A("daniel.cohen", "Use the bulk import API (`POST /v2/bulk/documents`) from a "
         "script, not the UI. It accepts up to 500 documents per call.", thumbs=3),
       A("ada", "Adding to Daniel's answer: keep parallelism at four and tell Platform "
         "Engineering the day before, so we can watch the indexing queue. Two million "
         "documents take about six hours that way.", thumbs=2))),
    Q("Atlas Platform", "anna.kowalski", 3.2, "Can a demo tenant be reset every night?",
      "Sales engineers share three demo tenants and they drift after a week of demos. Is "
      "there a supported way to restore a snapshot nightly?", ("atlas", "demos")),
    Q("Atlas Platform", "ben.carter", 85.4,
      "How do I list users who haven't signed in for 90 days?",
      "A customer wants to reclaim unused seats before their renewal.",
      ("atlas", "admin", "reporting"),
      (A("marcus.johnson", "Admin → Users → filter *Last active* → \"more than 90 days "
         "ago\", then export. Over the API: `GET /v2/users?inactive_days=90`.", thumbs=3,
         accepted=True),)),
    # Beacon Mobile App ------------------------------------------------------------------
    Q("Beacon Mobile App", "kenji.watanabe", 58.2,
      "Does offline mode sync photos taken without signal?",
      "Field technicians at a mine in Western Australia work without signal all day.",
      ("beacon", "mobile", "offline"),
      (A("kwame.mensah", "Yes. Photos queue on the device (up to 500 MB) and upload in "
         "the background once there's a connection, oldest first. The job shows a small "
         "cloud icon until everything is synced.", thumbs=5, accepted=True,
         comments=(("kenji.watanabe", "Thank you! Exactly what they needed to hear."),)),
       A("fatima.zahra", "Tip for the customer: turn on *Wi-Fi only uploads* if they pay "
         "for mobile data by the megabyte.", thumbs=2))),
    Q("Beacon Mobile App", "noah.kim", 15.8, "Which Android versions does Beacon support?",
      "A partner in Korea still runs rugged devices on Android 8.", ("beacon", "android"),
      (A("ravi.iyer", "Android 9 and later. We dropped Android 8 in 2.8 because it can't "
         "do background uploads reliably; about 0.4% of devices were affected.",
         thumbs=4, accepted=True),)),
    Q("Beacon Mobile App", "amara.eze", 9.3,
      "Can technicians export a job report as PDF from the app?",
      "Support gets this question every week.", ("beacon", "support", "reporting"),
      (A("fatima.zahra", "Not from the app yet: PDF export is web only today.", thumbs=2),
       A("elena.petrova", "Official answer: **PDF export from the mobile app ships in "
         "Beacon 2.9**, the next release. Until then, share the job link and export from "
         "the web.", thumbs=5, accepted=True, official=True,
         comments=(("amara.eze", "Great news. I'll update the help centre article."),
                   ("elena.petrova", "Thanks Amara; the release notes link will be in "
                                     "the app too."))))),
    Q("Beacon Mobile App", "zoe.adams", 1.6,
      "Can an email campaign link straight to a screen in Beacon?",
      "We'd like 'Open your new checklist' in the newsletter to open the app on that "
      "checklist.", ("beacon", "marketing", "deep-links")),
    # Cobalt Analytics (private) ---------------------------------------------------------
    Q("Cobalt Analytics", "priyanka.shah", 78.1,
      "What are the working names of Cobalt's pricing tiers?",
      "I'm drafting the launch brief and want to use the same names as everyone else.",
      ("cobalt", "pricing"),
      (A("elena.petrova", "Starter, Team and Enterprise. The final names are decided at "
         "general availability; use these in internal documents only.", thumbs=4,
         accepted=True, official=True,
         comments=(("priyanka.shah", "Thanks! Do we describe Team as 'for departments'?"),
                   ("elena.petrova", "Yes, that's the line we use with customers."))),)),
    Q("Cobalt Analytics", "arjun.mehta", 11.2,
      "How is a 'monthly active analyst' counted for billing?",
      "The revenue model depends on it.", ("cobalt", "pricing", "billing"),
      (A("oliver.bennett", "Anyone who runs, edits or schedules a report in a calendar "
         "month. Viewing a shared dashboard doesn't count.", thumbs=2,
         comments=(("daniel.cohen", "The event for this is `report_run`; viewing a "
                    "dashboard logs `dashboard_view`."),
                   ("elena.petrova", "Use this definition in the model; we confirm it "
                                     "at GA."))),)),
    Q("Cobalt Analytics", "yuki.tanaka", 7.7,
      "Do we know which chart types beta customers use most?",
      "Deciding what the new chart picker shows first.", ("cobalt", "design", "analytics"),
      (A("oliver.bennett", "From the last 30 days of beta usage: bar 41%, table 27%, line "
         "18%, everything else 14%. Pie charts are under 2%.", thumbs=3, accepted=True),)),
    # IT Helpdesk ------------------------------------------------------------------------
    Q("IT Helpdesk", "lina.haddad", 66.3, "How do I set up the VPN on my own phone?",
      "I'd like to check the CRM on the train.", ("vpn", "it", "mobile"),
      (A("admin", "You don't need the VPN for that: the CRM and every web app sit behind "
         "single sign-on and work from any browser. The VPN is only for managed laptops.",
         thumbs=5, accepted=True,
         comments=(("lina.haddad", "Oh, that's much simpler. Thanks Priya!"),)),)),
    Q("IT Helpdesk", "ethan.brooks", 90.4,
      "My security key stopped working after a laptop update",
      "Since yesterday's update the browser says the key isn't recognised.",
      ("sso", "security", "it"),
      (A("aisha.rahman", "The update reset the USB permissions for the browser. Open "
         "System Settings → Privacy → Security keys and allow it again, then restart the "
         "browser.", thumbs=3, accepted=True),
       A("admin", "If that doesn't help, come to the IT desk: we keep spare keys.",
         thumbs=1))),
    Q("IT Helpdesk", "emily.zhang", 131.2, "Can I install Zoom next to Teams?",
      "A vendor only does Zoom calls.", ("software", "it"),
      (A("admin", "Yes, Zoom is in the self-service app catalogue. Use the browser "
         "version if you only need it once.", thumbs=2),)),
    Q("IT Helpdesk", "karim.benali", 2.3, "Is there a colour printer in the Lisbon office?",
      "Printing candidate packs for an assessment day.", ("office", "lisbon", "it")),
    # Cloud Infrastructure ---------------------------------------------------------------
    Q("Cloud Infrastructure", "arjun.mehta", 40.3, "Why did the AWS bill jump 18% last month?",
      "Finance would like to understand before the budget review.",
      ("aws", "cost", "finance"),
      (A("mei.tan", "Two reasons: the new search nodes (+9%, planned) and cross-AZ traffic "
         "from a misconfigured service (+7%, fixed on the 24th, so next month drops "
         "again). The rest is growth.", thumbs=6, accepted=True,
         comments=(("david.levi", "Thanks Mei. Could we get this breakdown every "
                                  "month?"),
                   ("mei.tan", "Yes, I'll post it here with the cost report."))),)),
    Q("Cloud Infrastructure", "nadia.ivanova", 120.5,
      "Which region hosts EU tenants' data, and where are the backups?",
      "A German customer's DPO asks, in writing.", ("gdpr", "aws", "data-residency"),
      (A("ada", "EU tenants live in eu-central-1 (Frankfurt); backups are encrypted and "
         "copied to eu-west-1 (Ireland). Nothing leaves the EU.", thumbs=4,
         accepted=True),
       A("aaliyah.brown", "From the privacy side: this is also written in annex 3 of our "
         "DPA, which is the document to send the DPO.", thumbs=3))),
    Q("Cloud Infrastructure", "anna.kowalski", 5.3, "Can a customer get a dedicated cluster?",
      "A bank asks for single-tenant infrastructure.", ("kubernetes", "enterprise"),
      (A("lukas.novak", "Technically yes, we can run a dedicated cluster per customer. "
         "It doubles our on-call load for them, so it's a commercial decision; talk to "
         "Tomás before you offer it.", thumbs=2),
       A("mei.tan", "A middle way that banks usually accept: a dedicated node pool and "
         "database in the shared cluster, with its own encryption key. Much cheaper for "
         "them and for us.", thumbs=3))),
    # Customer Support Playbook (private) ------------------------------------------------
    Q("Customer Support Playbook", "ben.carter", 102.2,
      "What's the escalation path for a P1 outside business hours?",
      "Happened to me on Saturday and I wasn't sure whom to call.",
      ("support", "oncall", "escalation"),
      (A("amara.eze", "Page the on-call engineer through PagerDuty (*Atlas P1* service), "
         "then open an incident channel and post the customer's name and ticket there. "
         "Rosa wants a message too for any P1 with an enterprise customer.", thumbs=4,
         accepted=True,
         comments=(("grace.oneill", "Could we add the PagerDuty link to the P1 macro?"),
                   ("amara.eze", "Done."))),)),
    Q("Customer Support Playbook", "sam", 48.3,
      "Where do I find a customer's NPS score before a renewal call?",
      "I'd rather not be surprised on the call.", ("nps", "renewals", "salesforce"),
      (A("rosa.delgado", "In Salesforce: Account → Health tab. The last three NPS answers "
         "are there, with comments.", thumbs=3, accepted=True),)),
    # Sales EMEA (private) ---------------------------------------------------------------
    Q("Sales EMEA", "lina.haddad", 60.4, "Who approves discounts above 20%?",
      "First big deal, want to do it right.", ("pricing", "discounts", "approvals"),
      (A("isabel.moreno", "Up to 10%: the account executive. 10–20%: Charlotte. Above "
         "20%: Charlotte and David together, through the deal desk form.", thumbs=3,
         accepted=True,
         comments=(("david.levi", "And attach the margin calculator, please."),)),)),
    Q("Sales EMEA", "james.whitfield", 6.4, "Is there a case study with a UK bank?",
      "Prospects in financial services ask for references.",
      ("case-study", "financial-services"),
      (A("priyanka.shah", "Woodgrove Bank agreed to one; the draft is with their legal "
         "team. Until then we can offer a reference call.", thumbs=2),)),
    # Platform Engineering (private) -----------------------------------------------------
    Q("Platform Engineering", "grace.oneill", 13.4,
      "Should flaky tests be quarantined automatically?",
      "Three flaky tests blocked merges this week.", ("ci", "testing"),
      (A("lukas.novak", "Yes, but with an owner and an expiry: quarantined tests open a "
         "ticket and come back after two weeks, fixed or deleted.", thumbs=3,
         comments=(("grace.oneill", "Who owns a quarantined test nobody claims?"),
                   ("lukas.novak", "The last person who changed it; the bot assigns "
                                   "the ticket."))),
       A("hannah.schmidt", "Agree with Lukas, and let's report the quarantine list in "
         "the weekly sync so it doesn't grow quietly.", thumbs=2))),
    Q("Platform Engineering", "sofia.rossi", 110.2,
      "Which Node version do we standardise on for the frontend build?",
      "CI and laptops disagree.", ("nodejs", "ci", "frontend"),
      (A("lukas.novak", "Node 22 LTS, pinned in `.nvmrc` and in the CI image. I'll update "
         "the CI image today.", thumbs=2, accepted=True),)),
    # Company-wide -----------------------------------------------------------------------
    Q("", "sam", 74.2, "How do I explain our uptime to a customer without overpromising?",
      "Customers ask for a number. What can I say that is honest?",
      ("reliability", "sales", "sla"),
      (A("mei.tan", "Last quarter: 99.97% for Atlas and 99.95% for Beacon sync. Quote "
         "the **SLA (99.9%)** as the promise and the measured numbers as history, and "
         "link the public status page.", thumbs=7, accepted=True,
         comments=(("sam", "This is gold, thanks both."),)),
       A("tomas.silva", "And be open about incidents: customers trust a team that "
         "publishes its postmortems.", thumbs=4))),
    Q("", "mateo.fernandez", 37.3, "Can we sign a contract governed by Spanish law?",
      "A public sector customer in Madrid insists.", ("legal", "contracts"),
      (A("thomas.muller", "Yes, for public sector customers in Spain we accept Spanish "
         "law and courts in Madrid. Use the public-sector template, not the standard "
         "one.", thumbs=3, accepted=True,
         comments=(("felix.wagner", "Both templates are in the contract library under "
                                    "'Governing law'."),)),)),
    Q("", "zoe.adams", 11.7, "Who looks after the company LinkedIn page?",
      "I'd like to post about the webinar series.", ("marketing", "social-media"),
      (A("chloe.martin", "Marketing owns it; Ethan runs it day to day. Send him the copy "
         "and he'll schedule it.", thumbs=2, accepted=True),)),
    Q("", "kwame.mensah", 125.3, "Is there a budget for conference tickets?",
      "Thinking about a mobile conference in Berlin.", ("learning", "benefits"),
      (A("olivia.grant", "Yes: the learning budget covers tickets and courses. Travel "
         "goes through the normal travel policy; ask your manager first.", thumbs=5,
         accepted=True,
         comments=(("ingrid.larsen", "And share what you learned afterwards, in the "
                                     "Innovation Lab for example."),)),)),
    Q("", "ada", 8.1, "Has anyone run Kafka tiered storage in production?",
      "Considering it for the event pipeline; I'd love to hear about real experience.",
      ("kafka", "architecture"),
      (A("jonas.weber", "At my last company, yes: it cut broker disk costs by about 70%, "
         "but consumer lag spikes when old segments are read from object storage. Test "
         "your replay jobs.", thumbs=3),)),
    Q("", "oliver.bennett", 1.3,
      "Is it OK to run heavy analytics queries on the PostgreSQL read replica?",
      "Some of my Looker queries take minutes; I don't want to slow anything down.",
      ("postgresql", "analytics", "sql")),
    # Ideas and community ----------------------------------------------------------------
    Q("Innovation Lab", "leo.schneider", 9.6, "Could we use Beacon for event check-in?",
      "Scanning QR codes at the summer party instead of paper lists.",
      ("idea", "events", "beacon"),
      (A("fatima.zahra", "Interesting! Beacon already scans QR codes for equipment; a "
         "simple guest list would be a nice hack week project.", thumbs=3),)),
    Q("Green Office Ideas", "ingrid.larsen", 26.2,
      "Has anyone measured the effect of the train-first travel policy?",
      "It's been a quarter since we changed it.", ("sustainability", "travel"),
      (A("arjun.mehta", "Finance did: 31% fewer short-haul flights, cost up 4% overall. "
         "Happy to share the sheet.", thumbs=2, accepted=True),)),
    Q("Watercooler", "hugo.laurent", 4.2, "Best coffee near the Lisbon office?",
      "Working from Lisbon next week.", ("coffee", "lisbon"),
      (A("mateo.fernandez", "Fábrica on Rua das Flores, five minutes away. Get the "
         "pastel de nata too.", thumbs=4, accepted=True),
       A("sofia.rossi", "Second Fábrica. For a quieter spot, the kiosk in Praça das "
         "Flores.", thumbs=2))),
    # Kubernetes and the platform ----------------------------------------------------------
    Q("Cloud Infrastructure", "grace.oneill", 52.3,
      "Why does my test pod get OOMKilled in staging but not on my laptop?",
      "The end-to-end suite's browser pod dies with `OOMKilled` about once an hour in "
      "staging. Locally it never uses more than 1.5 GB.", ("kubernetes", "staging", "testing"),
      (A("lukas.novak", "Your pod asks for 512 MiB and is limited to 2 GiB, so the scheduler "
         "packs it onto busy nodes; when the node runs short, pods above their *request* "
         "are the first to go. Set the request to what it really uses (1.5 GiB) and the "
         "limit equal to it. Chromium also needs a bigger `/dev/shm`: mount an `emptyDir` "
         "with `medium: Memory`.", thumbs=7, accepted=True,
         comments=(("grace.oneill", "Both fixed, no kills since this morning. Thank you!"),
                   ("mei.tan", "Adding this to the staging runbook; it comes up every "
                               "month."))),
       A("mei.tan", "To see it happen: `kubectl top pod` during a run, and the node's "
         "events (`kubectl describe node`) show the memory pressure evictions.", thumbs=3))),
    Q("Platform Engineering", "sofia.rossi", 33.2,
      "How do I get a Kubernetes namespace for a hack-week service?",
      "We'd like to run our prototype somewhere other than a laptop for the demo.",
      ("kubernetes", "hackweek"),
      (A("mei.tan", "Open a pull request in `platform/namespaces` with a file named after "
         "the service; the template gives you a namespace on the staging cluster with a "
         "small quota, a deploy key and TLS on `*.lab.northwind.example`. It's deleted "
         "after 30 days unless someone extends it.", thumbs=5, accepted=True,
         comments=(("sofia.rossi", "Merged and running. That took eight minutes!"),
                   ("lukas.novak", "Add yourselves to the namespace's owners file too, so "
                                   "the alerts reach you and not us."))),)),
    Q("Cloud Infrastructure", "daniel.cohen", 44.4, "Can the Cobalt workers run on spot nodes?",
      "They're the biggest item on the cloud bill and the jobs can be retried.",
      ("kubernetes", "cost", "cobalt"),
      (A("mei.tan", "Yes, if a job survives being killed with two minutes' notice. Add the "
         "`spot-tolerant` node affinity to the worker chart and keep one on-demand replica "
         "for the scheduler. Expect about 60% off that line of the bill.", thumbs=5,
         accepted=True,
         comments=(("lukas.novak", "The chart change is one line; happy to pair on it."),
                   ("daniel.cohen", "Done, and the first night on spot went fine."))),
       A("ada", "From Atlas exports: make every job idempotent first (write to a temporary "
         "key, rename at the end). We had duplicate exports until we did.", thumbs=4))),
    Q("Cloud Infrastructure", "nadia.ivanova", 8.8,
      "How do I read a customer's pod logs for a support case?",
      "A customer sees intermittent 502s and I'd like to check the logs myself instead of "
      "asking an engineer every time.", ("kubernetes", "support", "logs"),
      (A("ada", "You don't need cluster access for that: every service's logs go to the log "
         "search, and support has read access. Filter on `tenant_id` and the request id "
         "from the customer's error page. Intermittent 502s are usually the ingress during "
         "a deploy; check whether the times match the deploy log.", thumbs=5, accepted=True,
         comments=(("nadia.ivanova", "They matched the deploys exactly. Thanks Ada!"),
                   ("mei.tan", "We'll make deploys drain connections first; ticket "
                               "opened."))),)),
    Q("Platform Engineering", "jonas.weber", 29.2,
      "Which index would make the audit log search fast for big tenants?",
      "Searching a large tenant's audit log by actor and date takes seconds. The table has "
      "an index on `(tenant_id, created_at)`.", ("postgresql", "performance", "atlas"),
      (A("ada", "Add `(tenant_id, actor_id, created_at DESC)`: the query filters on the "
         "first two and reads the newest first, so PostgreSQL stops after one page. Build "
         "it `CONCURRENTLY` and drop the old one only once the plans use the new one.",
         thumbs=6, accepted=True,
         comments=(("jonas.weber", "From 3.4 s to 12 ms on the biggest tenant. 🎉"),)),
       A("daniel.cohen", "If the actor filter is optional in the UI, keep the old index too; "
         "the planner needs it for date-only searches.", thumbs=2))),
    Q("Platform Engineering", "ravi.iyer", 70.2,
      "How long do we keep container images in the registry?",
      "I need an Android build image from four months ago to reproduce a crash.",
      ("kubernetes", "ci", "registry"),
      (A("lukas.novak", "Release images forever, branch images 90 days. Build images are "
         "branch images, so yours is gone, but the Dockerfile at that tag rebuilds it "
         "exactly: base images are pinned by digest.", thumbs=5, accepted=True,
         comments=(("ravi.iyer", "Rebuilt it and reproduced the crash. Thanks!"),
                   ("lukas.novak", "Glad it worked. I'll put the retention rules in the "
                                   "CI docs."))),)),
    Q("Platform Engineering", "kwame.mensah", 23.1,
      "Is there a CI runner that builds on ARM?", "iOS builds on the shared runners take "
      "40 minutes because everything is emulated.", ("ci", "ios", "arm"),
      (A("lukas.novak", "Yes: add `runs-on: arm64` to the job. There are four ARM runners "
         "since last month; they're not in the docs yet, I'll fix that today.", thumbs=6,
         accepted=True,
         comments=(("kwame.mensah", "Twelve minutes now. Wonderful."),
                   ("lukas.novak", "Docs updated, with the cache settings for Xcode."))),)),
    Q("Platform Engineering", "kwame.mensah", 124.2,
      "Where should we keep the mobile app signing keys?",
      "Right now they live on one build machine, which makes me nervous.",
      ("security", "mobile", "ci"),
      (A("aisha.rahman", "In the secrets manager, readable only by the release pipeline's "
         "role, never on a machine. Rotate the upload key now (Google Play supports it), "
         "and keep an offline backup of the app signing key in the safe.", thumbs=4,
         accepted=True),)),
    # Security and privacy -----------------------------------------------------------------
    Q("", "ben.carter", 16.2, "Is it OK to paste customer logs into an AI assistant?",
      "It would save me time summarising long tickets.", ("security", "privacy", "ai"),
      (A("aisha.rahman", "Only into the company's own assistant (in the app catalogue), "
         "which doesn't keep or train on what you paste. Never into a personal account: "
         "logs contain names, emails and sometimes tokens.", thumbs=6, accepted=True,
         comments=(("ben.carter", "Clear, thanks. I didn't know we had our own."),)),
       A("aaliyah.brown", "And strip anything the summary doesn't need; the DPA with our "
         "customers allows processing for support, not for anything else.", thumbs=4,
         comments=(("aisha.rahman", "Good point; I'll add both to the security FAQ."),)))),
    Q("", "priyanka.shah", 57.4,
      "Who can review a security whitepaper before it goes to customers?",
      "Marketing is updating the Atlas security overview.", ("security", "marketing"),
      (A("aisha.rahman", "Send it to me; I'll check the claims against the SOC 2 report. "
         "Give me a week for anything longer than ten pages.", thumbs=3,
         comments=(("aisha.rahman", "Reviewed: two claims needed softening; notes are in "
                                    "the doc."),)),)),
    # Product -------------------------------------------------------------------------------
    Q("", "james.whitfield", 20.3,
      "Will Cobalt be part of Atlas Enterprise contracts?",
      "Two banks ask whether analytics comes with their Atlas renewal.",
      ("cobalt", "pricing", "enterprise"),
      (A("elena.petrova", "Official position: **Cobalt is sold separately** at general "
         "availability. Atlas Enterprise customers get a 90-day Cobalt trial and a 15% "
         "bundle discount in the first year. Please don't promise it free.", thumbs=5,
         accepted=True, official=True,
         comments=(("james.whitfield", "Exactly what I needed for Thursday, thanks."),
                   ("elena.petrova", "Good luck on Thursday! Send me their reaction."))),)),
    Q("Beacon Mobile App", "amara.eze", 38.3,
      "Why don't some Android users get push notifications?",
      "Three customers report that technicians miss job alerts on certain phones.",
      ("android", "notifications", "support"),
      (A("ravi.iyer", "Battery savers on some Android brands stop apps in the background. "
         "Beacon now shows a one-time prompt to exclude it, and the help centre has the "
         "steps per brand. If it still happens, ask for the phone model and send it to me.",
         thumbs=4, accepted=True,
         comments=(("kwame.mensah", "iOS doesn't have this problem, for once. 😄"),)),)),
    Q("Atlas Platform", "charlotte.dubois", 30.2,
      "What can I tell a bank about the audit log roadmap?",
      "A bank's CISO wants to know what is coming in the next two quarters.",
      ("atlas", "audit-log", "roadmap"),
      (A("marcus.johnson", "Next quarter: export to their SIEM (Splunk and Sentinel) and "
         "per-tenant retention. After that, tamper-evident logs. Dates are targets, not "
         "commitments.", thumbs=3,
         comments=(("elena.petrova", "Confirmed. You may share these two items with the "
                                     "bank under NDA, without dates."),)),)),
    # Working here -------------------------------------------------------------------------
    Q("", "hannah.schmidt", 100.3, "How do other teams run their one-to-ones?",
      "I have eight reports and my one-to-ones have turned into status updates.",
      ("management", "one-to-ones"),
      (A("olivia.grant", "Make them theirs: a shared doc where they write the agenda, status "
         "goes elsewhere (the team's weekly post), and ask one question every time: *what "
         "would make your work easier?*", thumbs=6, accepted=True),
       A("ingrid.larsen", "Every fourth one, talk only about growth: what they want to learn "
         "and who could help.", thumbs=3))),
    Q("IT Helpdesk", "zoe.adams", 40.2, "How do I get access to the analytics tools?",
      "First week here; I need the web analytics and the ads accounts.",
      ("access", "it", "onboarding"),
      (A("admin", "Request *Marketing analytics* in the access portal; your manager "
         "approves and it's live within the hour. The ads accounts are shared by Ethan.",
         thumbs=2, accepted=True),)),
    Q("Watercooler", "noah.kim", 90.2, "Good places for a team dinner in Singapore?",
      "Eight of us, one vegetarian, not too loud.", ("food", "singapore"),
      (A("mei.tan", "Try the Peranakan place on Joo Chiat Road: private room for ten and "
         "plenty for vegetarians. Book a week ahead.", thumbs=3, accepted=True),
       A("kenji.watanabe", "The hawker centre at Lau Pa Sat if you want cheap and cheerful; "
         "not quiet though.", thumbs=2))),
    Q("Green Office Ideas", "leo.schneider", 96.3, "Can we print fewer brochures for trade fairs?",
      "We throw away boxes after every event.", ("events", "sustainability"),
      (A("ingrid.larsen", "A QR code on the stand that opens the brochure, and a small "
         "print run for people who ask. The Berlin fair tried it and printed 80% less.",
         thumbs=3, accepted=True),)),
    # Experts at work ---------------------------------------------------------------------
    Q("Platform Engineering", "jonas.weber", 17.3,
      "How do I add an alert for my service without paging everyone?",
      "I want to know when the export queue backs up, but it's not worth waking anyone.",
      ("oncall", "observability", "alerts"),
      (A("mei.tan", "Give the alert `severity: ticket` instead of `page`: it opens a ticket "
         "for your team in working hours and never pages. Put it next to the service in "
         "`alerts/`, and link a runbook even if it's two lines.", thumbs=5, accepted=True,
         comments=(("jonas.weber", "Exactly what I wanted. Added with a tiny runbook."),
                   ("mei.tan", "Perfect. I'll mention the ticket severity in the "
                               "on-call guide."))),)),
    Q("Cloud Infrastructure", "james.whitfield", 61.8,
      "What are our RPO and RTO for customer data?",
      "Every bank's security questionnaire asks, and I'd like the official numbers.",
      ("backup", "security", "reliability"),
      (A("mei.tan", "RPO 5 minutes (continuous archiving of the database), RTO 4 hours for "
         "a full region loss; we rehearse the restore every quarter and the last one took "
         "2 h 40 min. Both are in the security overview.", thumbs=6, accepted=True,
         comments=(("james.whitfield", "Thank you, copying this into the questionnaire "
                                       "library."),)),
       A("aisha.rahman", "And backups are encrypted with a separate key and kept in a "
         "second region for 35 days, which is usually the next question.", thumbs=4))),
    Q("Platform Engineering", "hannah.schmidt", 47.2, "Can we speed up the Atlas test suite?",
      "It takes 38 minutes in CI and people batch their changes to avoid it.",
      ("ci", "testing", "atlas"),
      (A("lukas.novak", "Split it across eight runners by timing data (the runner keeps it), "
         "and reuse the database between tests with transactions instead of recreating "
         "it. Together that's about 7 minutes; I can do the split this sprint.", thumbs=5,
         accepted=True,
         comments=(("hannah.schmidt", "Please do. Everything else can wait a week."),
                   ("lukas.novak", "Split is live: 6 min 40 s on the last ten runs."))),
       A("grace.oneill", "And quarantine the three slowest browser tests into a nightly "
         "run; they rarely catch anything the unit tests miss.", thumbs=3))),
    Q("", "elena.petrova", 26.1, "Do we need a new penetration test before Cobalt launches?",
      "Customers will ask for a recent report.", ("security", "cobalt", "launch"),
      (A("aisha.rahman", "Yes: the last test didn't cover Cobalt. Book it for four weeks "
         "before GA so there's time to fix findings; I'll scope it with the vendor this "
         "week.", thumbs=5, accepted=True,
         comments=(("elena.petrova", "Booked. Thanks Aisha."),
                   ("aisha.rahman", "Scoped with the vendor: two weeks, web app and API."))),)),
    Q("Beacon Mobile App", "kenji.watanabe", 25.3,
      "May I share Beacon's roadmap with a distributor?",
      "Our Japanese distributor wants to plan their own training.", ("beacon", "roadmap", "apac"),
      (A("elena.petrova", "Official answer: **share the next two releases only**, from the "
         "public roadmap page, under the distributor NDA. Nothing about pricing or dates "
         "beyond that.", thumbs=4, accepted=True, official=True,
         comments=(("kenji.watanabe", "Clear. I'll send them the public page."),)),)),
    Q("", "priyanka.shah", 35.2, "What do customers say when they compare us with competitors?",
      "Updating the battle cards; I'd like the words customers actually use.",
      ("competition", "sales", "customers"),
      (A("sam", "Three things come up in almost every call: *a human answers support*, the "
         "audit log (banks love it), and Beacon working offline. Price is where we lose, "
         "never features.", thumbs=6, accepted=True,
         comments=(("priyanka.shah", "Gold. Quoting 'a human answers support' on the card."),)),
       A("mateo.fernandez", "In public sector: data residency in the EU, every time.",
         thumbs=3))),
    Q("Beacon Mobile App", "fatima.zahra", 18.4,
      "What do field teams ask for in sales calls?",
      "Planning next half's Beacon roadmap; I'd like to hear it from Sales too.",
      ("beacon", "roadmap", "customers"),
      (A("sam", "Offline maps, and signing a job report on the phone with the customer "
         "there. Two East Coast prospects asked for signatures this month.", thumbs=4),
       A("noah.kim", "In APAC: the interface in Japanese and Korean, and working on cheap "
         "Android phones.", thumbs=2))),
    # Recent -------------------------------------------------------------------------------
    Q("Atlas Platform", "sam", 3.3,
      "Can reps see a customer's Atlas activity in Salesforce?",
      "Before a renewal call I'd like to know whether the customer actually uses Atlas, "
      "without asking CS every time.", ("atlas", "salesforce", "integrations"),
      (A("marcus.johnson", "Yes: the Atlas connector for Salesforce adds an *Atlas usage* "
         "card to the account (active users, workspaces, last activity). Isabel can turn "
         "it on for the whole sales team.", thumbs=3),
       A("anna.kowalski", "I set it up for a customer last month; it takes twenty minutes "
         "and the data refreshes nightly.", thumbs=2))),
    Q("", "sam", 13.2, "May I send a prospect the recording of their demo?",
      "A prospect asked for it so their CFO can watch.", ("sales", "privacy", "recordings"),
      (A("aaliyah.brown", "Yes, if everyone on the call agreed to the recording (the meeting "
         "tool asks) and no other customer's data is on screen. Share a link that expires, "
         "not the file.", thumbs=4, accepted=True,
         comments=(("sam", "Everyone agreed, and it was the demo tenant. Sending it now."),)),
       A("ethan.brooks", "If they want something shorter, Marketing can cut a three-minute "
         "version.", thumbs=2))),
    Q("", "maya", 5.2, "What should the next Agora training session cover?",
      "The first two sessions were about spaces and posting. What would help you most "
      "next?", ("agora", "training"),
      (A("ben.carter", "How to follow tags and get a weekly digest, so I don't miss "
         "questions about my accounts.", thumbs=3),
       A("sofia.rossi", "Keyboard shortcuts and writing accessible posts (alt text on "
         "images!).", thumbs=4),
       A("ingrid.larsen", "How to ask a good question: a title that says the problem, and "
         "what you already tried.", thumbs=2))),
)  # fmt: skip
