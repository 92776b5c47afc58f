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
    Q("Atlas Platform", "sam", 41.2, "Can Atlas keep audit logs for seven years?",
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
    Q("Atlas Platform", "james.whitfield", 33.6,
      "Does Atlas support customer-managed encryption keys (BYOK)?",
      "A UK insurer asks whether they can bring their own key, and what happens if they "
      "revoke it.", ("atlas", "security", "encryption"),
      (A("aisha.rahman", "Yes, on Enterprise, with AWS KMS. The tenant's data keys are "
         "wrapped by the customer's key; if they revoke it, the tenant becomes unreadable "
         "within five minutes (that's the point). Rotation is automatic yearly.",
         thumbs=5, accepted=True),
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
    Q("Atlas Platform", "ben.carter", 12.5,
      "How do I list users who haven't signed in for 90 days?",
      "A customer wants to reclaim unused seats before their renewal.",
      ("atlas", "admin", "reporting"),
      (A("marcus.johnson", "Admin → Users → filter *Last active* → \"more than 90 days "
         "ago\", then export. Over the API: `GET /v2/users?inactive_days=90`.", thumbs=3,
         accepted=True),)),
    # Beacon Mobile App ------------------------------------------------------------------
    Q("Beacon Mobile App", "kenji.watanabe", 22.1,
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
         comments=(("amara.eze", "Great news. I'll update the help centre article."),)))),
    Q("Beacon Mobile App", "zoe.adams", 1.6,
      "Can an email campaign link straight to a screen in Beacon?",
      "We'd like 'Open your new checklist' in the newsletter to open the app on that "
      "checklist.", ("beacon", "marketing", "deep-links")),
    # Cobalt Analytics (private) ---------------------------------------------------------
    Q("Cobalt Analytics", "priyanka.shah", 25.4,
      "What are the working names of Cobalt's pricing tiers?",
      "I'm drafting the launch brief and want to use the same names as everyone else.",
      ("cobalt", "pricing"),
      (A("elena.petrova", "Starter, Team and Enterprise. The final names are decided at "
         "general availability; use these in internal documents only.", thumbs=4,
         accepted=True, official=True),)),
    Q("Cobalt Analytics", "arjun.mehta", 11.2,
      "How is a 'monthly active analyst' counted for billing?",
      "The revenue model depends on it.", ("cobalt", "pricing", "billing"),
      (A("oliver.bennett", "Anyone who runs, edits or schedules a report in a calendar "
         "month. Viewing a shared dashboard doesn't count.", thumbs=2,
         comments=(("daniel.cohen", "The event for this is `report_run`; viewing a "
                    "dashboard logs `dashboard_view`."),)),)),
    Q("Cobalt Analytics", "yuki.tanaka", 7.7,
      "Do we know which chart types beta customers use most?",
      "Deciding what the new chart picker shows first.", ("cobalt", "design", "analytics"),
      (A("oliver.bennett", "From the last 30 days of beta usage: bar 41%, table 27%, line "
         "18%, everything else 14%. Pie charts are under 2%.", thumbs=3, accepted=True),)),
    # IT Helpdesk ------------------------------------------------------------------------
    Q("IT Helpdesk", "lina.haddad", 30.3, "How do I set up the VPN on my own phone?",
      "I'd like to check the CRM on the train.", ("vpn", "it", "mobile"),
      (A("admin", "You don't need the VPN for that: the CRM and every web app sit behind "
         "single sign-on and work from any browser. The VPN is only for managed laptops.",
         thumbs=5, accepted=True,
         comments=(("lina.haddad", "Oh, that's much simpler. Thanks Priya!"),)),)),
    Q("IT Helpdesk", "ethan.brooks", 17.1,
      "My security key stopped working after a laptop update",
      "Since yesterday's update the browser says the key isn't recognised.",
      ("sso", "security", "it"),
      (A("aisha.rahman", "The update reset the USB permissions for the browser. Open "
         "System Settings → Privacy → Security keys and allow it again, then restart the "
         "browser.", thumbs=3, accepted=True),
       A("admin", "If that doesn't help, come to the IT desk: we keep spare keys.",
         thumbs=1))),
    Q("IT Helpdesk", "emily.zhang", 8.4, "Can I install Zoom next to Teams?",
      "A vendor only does Zoom calls.", ("software", "it"),
      (A("admin", "Yes, Zoom is in the self-service app catalogue. Use the browser "
         "version if you only need it once.", thumbs=2),)),
    Q("IT Helpdesk", "karim.benali", 2.3, "Is there a colour printer in the Lisbon office?",
      "Printing candidate packs for an assessment day.", ("office", "lisbon", "it")),
    # Cloud Infrastructure ---------------------------------------------------------------
    Q("Cloud Infrastructure", "arjun.mehta", 20.6, "Why did the AWS bill jump 18% last month?",
      "Finance would like to understand before the budget review.",
      ("aws", "cost", "finance"),
      (A("mei.tan", "Two reasons: the new search nodes (+9%, planned) and cross-AZ traffic "
         "from a misconfigured service (+7%, fixed on the 24th, so next month drops "
         "again). The rest is growth.", thumbs=6, accepted=True,
         comments=(("david.levi", "Thanks Mei. Could we get this breakdown every "
                                  "month?"),
                   ("mei.tan", "Yes, I'll post it here with the cost report."))),)),
    Q("Cloud Infrastructure", "nadia.ivanova", 14.2,
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
         "Tomás before you offer it.", thumbs=2),)),
    # Customer Support Playbook (private) ------------------------------------------------
    Q("Customer Support Playbook", "ben.carter", 23.5,
      "What's the escalation path for a P1 outside business hours?",
      "Happened to me on Saturday and I wasn't sure whom to call.",
      ("support", "oncall", "escalation"),
      (A("amara.eze", "Page the on-call engineer through PagerDuty (*Atlas P1* service), "
         "then open an incident channel and post the customer's name and ticket there. "
         "Rosa wants a message too for any P1 with an enterprise customer.", thumbs=4,
         accepted=True,
         comments=(("grace.oneill", "Could we add the PagerDuty link to the P1 macro?"),
                   ("amara.eze", "Done."))),)),
    Q("Customer Support Playbook", "sam", 10.1,
      "Where do I find a customer's NPS score before a renewal call?",
      "I'd rather not be surprised on the call.", ("nps", "renewals", "salesforce"),
      (A("rosa.delgado", "In Salesforce: Account → Health tab. The last three NPS answers "
         "are there, with comments.", thumbs=3, accepted=True),)),
    # Sales EMEA (private) ---------------------------------------------------------------
    Q("Sales EMEA", "lina.haddad", 18.3, "Who approves discounts above 20%?",
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
         "ticket and come back after two weeks, fixed or deleted.", thumbs=3),
       A("hannah.schmidt", "Agree with Lukas, and let's report the quarantine list in "
         "the weekly sync so it doesn't grow quietly.", thumbs=2))),
    Q("Platform Engineering", "sofia.rossi", 21.2,
      "Which Node version do we standardise on for the frontend build?",
      "CI and laptops disagree.", ("nodejs", "ci", "frontend"),
      (A("lukas.novak", "Node 22 LTS, pinned in `.nvmrc` and in the CI image. I'll update "
         "the CI image today.", thumbs=2, accepted=True),)),
    # Company-wide -----------------------------------------------------------------------
    Q("", "sam", 36.3, "How do I explain our uptime to a customer without overpromising?",
      "Customers ask for a number. What can I say that is honest?",
      ("reliability", "sales", "sla"),
      (A("mei.tan", "Last quarter: 99.97% for Atlas and 99.95% for Beacon sync. Quote "
         "the **SLA (99.9%)** as the promise and the measured numbers as history, and "
         "link the public status page.", thumbs=7, accepted=True,
         comments=(("sam", "This is gold, thanks both."),)),
       A("tomas.silva", "And be open about incidents: customers trust a team that "
         "publishes its postmortems.", thumbs=4))),
    Q("", "mateo.fernandez", 16.5, "Can we sign a contract governed by Spanish law?",
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
    Q("", "kwame.mensah", 28.4, "Is there a budget for conference tickets?",
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
)  # fmt: skip
