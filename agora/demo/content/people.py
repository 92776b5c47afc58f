"""Who the demo company is: its departments, customers, products and people."""

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
# name: (major, minor when the demo's history starts); the minor climbs with each release.
PRODUCTS = {"Atlas": (4, 4), "Beacon": (2, 2), "Cobalt": (1, 0)}


@dataclass(frozen=True)
class Person:
    """One employee of the demo company; ``key`` is the local part of their email.

    ``hired`` is how many days ago a newcomer started (None: there when Agora went live).
    """

    key: str
    name: str
    department: str
    title: str
    location: str
    skills: tuple[str, ...]
    bio: str
    hired: float | None = None


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
    Person("tariq.aziz", "Tariq Aziz", ENG, "Site Reliability Engineer", "Singapore",
           ("Kubernetes", "Linux", "Prometheus"),
           "New on the SRE team. Dashboards, alerts and the occasional 3 a.m. page.",
           hired=4.2),
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
           ("Prospecting", "Outreach", "French"), "First calls with new prospects in EMEA.",
           hired=72.3),
    Person("noah.kim", "Noah Kim", SALES, "Account Executive, APAC", "Singapore",
           ("Enterprise sales", "Korean", "Partnerships"), "APAC accounts and partners.",
           hired=97.1),
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
           ("Paid acquisition", "Analytics", "Experimentation"), "Sign-ups and the funnel.",
           hired=44.2),
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
