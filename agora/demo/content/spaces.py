"""The demo company's spaces: who owns, moderates and belongs to each, since when."""

from __future__ import annotations

from dataclasses import dataclass

from agora.demo.content.people import CS, ENG, PRODUCT


@dataclass(frozen=True)
class SpaceSpec:
    """A demo space: who owns, moderates and belongs to it, and since when.

    ``opened`` is how many days ago its owner created it. ``members`` holds person keys
    and department names (they join in its first days, or in their own first days);
    ``share`` adds that fraction of everyone else, joining over its life. ``requests``
    are pending join requests (key, message). ``posting`` "managers" keeps starting
    posts and questions to the owner and moderators. ``in_order`` tells its posts'
    story in the order of their templates.
    """

    name: str
    kind: str
    visibility: str
    description: str
    owner: str
    opened: float
    moderators: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    share: float = 0.0
    requests: tuple[tuple[str, str], ...] = ()
    product: str = ""
    posting: str = "members"
    in_order: bool = False


SPACES = (
    SpaceSpec("Announcements", "community", "open",
              "Company news from leadership, People & Culture and IT. Everyone is a member; "
              "keep it for things the whole company should read: only its owner and "
              "moderators start posts, and everyone comments and reacts.",
              owner="admin", opened=151, share=1.0, posting="managers",
              # Who announces: People & Culture, and the heads of Engineering, Product
              # and Finance (the authors of its post templates).
              moderators=("maya", "olivia.grant", "tomas.silva", "elena.petrova",
                          "david.levi")),
    SpaceSpec("Atlas Platform", "product", "open",
              "Everything about Atlas, our workspace platform: releases, roadmap, customer "
              "questions and feedback. Sales and CS questions are very welcome here.",
              owner="marcus.johnson", opened=147, moderators=("ada",),
              members=(ENG, PRODUCT, "sam", "anna.kowalski", "james.whitfield",
                       "nadia.ivanova", "hugo.laurent", "ben.carter", "priyanka.shah"),
              product="Atlas"),
    SpaceSpec("Beacon Mobile App", "product", "open",
              "Beacon is our mobile app for field teams. Releases, beta programmes, crash "
              "reports and what customers are asking for.",
              owner="fatima.zahra", opened=136,
              members=("kwame.mensah", "ravi.iyer", "sofia.rossi", "grace.oneill",
                       "hannah.schmidt", "ada", PRODUCT, "zoe.adams", "priyanka.shah",
                       "amara.eze", "kenji.watanabe", "noah.kim"),
              share=0.1, product="Beacon"),
    SpaceSpec("Cobalt Analytics", "product", "private",
              "Cobalt is our analytics product, in private beta. Pricing, data model and "
              "design discussions happen here until general availability.",
              owner="elena.petrova", opened=96, moderators=("oliver.bennett",),
              members=("daniel.cohen", "marcus.johnson", "yuki.tanaka", "arjun.mehta",
                       "jonas.weber", "ada", "priyanka.shah"),
              requests=(("sam", "Two of my accounts keep asking about usage dashboards; "
                                "I'd love to follow the beta."),
                        ("zoe.adams", "Interested in the funnel reports for marketing.")),
              product="Cobalt"),
    SpaceSpec("IT Helpdesk", "service", "open",
              "Ask IT anything: laptops, accounts, SSO, VPN, printers. Announcements about "
              "security and maintenance are posted here first.",
              owner="admin", opened=150, moderators=("aisha.rahman",), share=0.7),
    SpaceSpec("Cloud Infrastructure", "service", "open",
              "The clusters, databases and networks under our products. Postmortems, "
              "maintenance windows, cost reports and runbooks.",
              owner="admin", opened=145, moderators=("mei.tan",),
              members=(ENG, "daniel.cohen", "nadia.ivanova", "anna.kowalski", "arjun.mehta")),
    SpaceSpec("Customer Support Playbook", "service", "private",
              "How we support customers: macros, escalation paths, ticket metrics and renewal "
              "risks. Private because we discuss individual accounts.",
              owner="rosa.delgado", opened=140, moderators=("amara.eze",),
              members=(CS, "sam", "anna.kowalski", "charlotte.dubois", "grace.oneill"),
              requests=(("priyanka.shah", "Would help me write launch FAQs that match "
                                          "what support actually sees."),)),
    SpaceSpec("Innovation Lab", "idea", "open",
              "Half-baked ideas welcome. Pitch something, find collaborators for hack week, "
              "and tell us what you learned from the experiments that failed.",
              owner="elena.petrova", opened=128, moderators=("maya",), share=0.5),
    SpaceSpec("Green Office Ideas", "idea", "open",
              "Ideas for running our offices and travel more sustainably, from composting to "
              "train-first travel policies.",
              owner="ingrid.larsen", opened=104, moderators=("maya",), share=0.35),
    SpaceSpec("Sales EMEA", "team", "private",
              "The EMEA sales team: pipeline, wins, pricing approvals and events. Private "
              "because deal terms are confidential.",
              owner="charlotte.dubois", opened=138, moderators=("isabel.moreno",),
              members=("mateo.fernandez", "james.whitfield", "lina.haddad", "anna.kowalski",
                       "ben.carter", "leo.schneider", "priyanka.shah", "david.levi")),
    SpaceSpec("Platform Engineering", "team", "private",
              "The platform team's room: RFCs, on-call handovers, CI and release planning. "
              "Open to all engineers on request.",
              owner="hannah.schmidt", opened=146, moderators=("ada",), members=(ENG,),
              requests=(("nadia.ivanova", "Support engineer here; the on-call handovers "
                                          "would help me answer escalations faster."),)),
    SpaceSpec("Leadership Offsite 2027", "team", "secret",
              "Planning the 2027 leadership offsite: agenda, venue and pre-reads. Please "
              "keep the contents to this group until the plan is announced.",
              owner="olivia.grant", opened=33, in_order=True,
              members=("tomas.silva", "elena.petrova", "charlotte.dubois", "chloe.martin",
                       "rosa.delgado", "david.levi", "thomas.muller", "maya")),
    SpaceSpec("Project Falcon", "team", "secret",
              "Project Falcon: the proposed acquisition of a small analytics company. "
              "Strictly need-to-know; do not mention the target's name outside this space.",
              owner="david.levi", opened=58, in_order=True,
              members=("tomas.silva", "thomas.muller", "ada", "arjun.mehta", "elena.petrova",
                       "aisha.rahman")),
    SpaceSpec("Watercooler", "community", "open",
              "Everything that is not work: books, lunch spots, pets, photos and the coffee "
              "machine's latest moods.",
              owner="olivia.grant", opened=149, moderators=("maya",), share=0.85),
    SpaceSpec("Running Club", "community", "open",
              "Northwind runners of every pace. Weekend long runs, race sign-ups and the "
              "monthly distance challenge.",
              owner="kwame.mensah", opened=118,
              members=("jonas.weber", "ingrid.larsen", "mateo.fernandez", "mei.tan",
                       "ben.carter", "maya", "hugo.laurent", "yuki.tanaka", "noah.kim",
                       "aaliyah.brown", "zoe.adams")),
)  # fmt: skip
